// /api/health: the app and its database. "degraded" (HTTP 503) when the database is unreachable, when
// the pool is saturated (every connection in use, or requests waiting for one) or when a trivial query
// takes longer than HEALTH_SLOW_MS. The check never waits for a pool connection itself and never
// throws; anonymous callers get only the status word (app/api/health/route.ts).
import "server-only";
import { db, poolStatistics } from "./db";
import { busyReasonOf, type PoolStatistics } from "./db-busy";

/** A trivial query slower than this means the database is slow. */
export const HEALTH_SLOW_MS = 1_000;
/** The check gives up on its query after this long. */
const HEALTH_QUERY_LIMIT_MS = 3_000;

export type HealthStatus = "ok" | "degraded";

export interface HealthReport {
  status: HealthStatus;
  app: { status: "ok"; version: string; uptimeSeconds: number };
  database: {
    status: "ok" | "busy" | "slow" | "error";
    latencyMs?: number;
    migrations?: number;
    pool: PoolStatistics;
    message?: string;
  };
}

const degraded = (app: HealthReport["app"], database: HealthReport["database"]): HealthReport => ({ status: "degraded", app, database });

/** Checks the app and its database; never throws. */
export async function checkHealth(version: string): Promise<HealthReport> {
  const app = { status: "ok" as const, version, uptimeSeconds: Math.round(process.uptime()) };
  const pool = poolStatistics();
  if (pool.waiting > 0 || pool.inUse >= pool.size) {
    console.error(`[health] 连接池已满：${pool.inUse}/${pool.size} 使用中，${pool.waiting} 个请求在等待`);
    return degraded(app, { status: "busy", pool, message: "连接池已满" });
  }
  const started = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const query = db.$queryRaw<{ count: bigint }[]>`select count(*) as count from _prisma_migrations where finished_at is not null`;
    const limit = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), HEALTH_QUERY_LIMIT_MS)));
    const rows = await Promise.race([query, limit]);
    const latencyMs = Math.round(performance.now() - started);
    if (rows === "timeout") {
      query.catch(() => undefined);
      console.error(`[health] 数据库在 ${HEALTH_QUERY_LIMIT_MS} 毫秒内未应答`);
      return degraded(app, { status: "slow", latencyMs, pool: poolStatistics(), message: "数据库响应缓慢" });
    }
    const database = { latencyMs, migrations: Number(rows[0]?.count ?? 0), pool: poolStatistics() };
    if (latencyMs > HEALTH_SLOW_MS) {
      console.error(`[health] 数据库响应缓慢：${latencyMs} 毫秒`);
      return degraded(app, { status: "slow", ...database, message: "数据库响应缓慢" });
    }
    return { status: "ok", app, database: { status: "ok", ...database } };
  } catch (error) {
    if (busyReasonOf(error)) return degraded(app, { status: "busy", pool: poolStatistics(), message: "数据库繁忙" });
    console.error(`[health] 数据库不可用：${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").slice(-200)}`);
    return degraded(app, { status: "error", pool: poolStatistics(), message: "数据库不可用" });
  } finally {
    clearTimeout(timer);
  }
}
