// Small helpers shared by the benchmark scripts.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { useDatabaseUrl } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";

export const round = (value: number) => Math.round(value * 100) / 100;

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return value ?? Number.NaN;
}

/** Refreshes the planner statistics (and visibility map) after bulk inserts. */
export async function vacuumAnalyzeCaseTables(): Promise<void> {
  const { db } = await import("../lib/db");
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Application"`);
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "Proceeding"`);
}

/**
 * Runs one benchmark on its own when its script is run directly (`npx tsx --import ./scripts/server-only-hook.mjs scripts/bench-….ts`): its
 * embedded database (kept between runs), pending migrations, the measurement, and one JSON line on
 * standard output. Does nothing when the script is imported (scripts/bench.ts lists the measurement).
 */
export function runBenchAlone(
  moduleUrl: string,
  options: { dataDir: string; port: number; log: (message: string) => void; measure: () => Promise<Record<string, unknown>> },
): void {
  const entry = process.argv[1];
  if (entry === undefined || moduleUrl !== pathToFileURL(path.resolve(entry)).href) return;
  const run = async () => {
    const database = await openDatabase({ dataDir: options.dataDir, port: options.port, log: options.log });
    let clientLoaded = false;
    try {
      options.log("应用数据库迁移 …");
      await applyMigrations(database);
      // The owner role: the benchmarks clear their own rows and run VACUUM and ANALYZE.
      useDatabaseUrl(database.ownerUrl);
      clientLoaded = true;
      console.log(JSON.stringify(await options.measure()));
    } finally {
      if (clientLoaded) {
        const { db } = await import("../lib/db");
        await db.$disconnect().catch(() => undefined);
      }
      await database.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
