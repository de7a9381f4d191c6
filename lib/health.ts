import { db } from "./db";

export interface HealthReport {
  status: "ok" | "degraded";
  app: { status: "ok"; version: string; uptimeSeconds: number };
  database: { status: "ok" | "error"; latencyMs?: number; migrations?: number; message?: string };
}

/** Checks the app and its database; never throws. */
export async function checkHealth(version: string): Promise<HealthReport> {
  const app = { status: "ok" as const, version, uptimeSeconds: Math.round(process.uptime()) };
  const started = performance.now();
  try {
    const rows = await db.$queryRaw<{ count: bigint }[]>`select count(*) as count from _prisma_migrations where finished_at is not null`;
    const latencyMs = Math.round(performance.now() - started);
    return { status: "ok", app, database: { status: "ok", latencyMs, migrations: Number(rows[0]?.count ?? 0) } };
  } catch (error) {
    console.error("[health] 数据库不可用", error);
    return { status: "degraded", app, database: { status: "error", message: "数据库不可用" } };
  }
}
