// Small helpers shared by the benchmark scripts.

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
