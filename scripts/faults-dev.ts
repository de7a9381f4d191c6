// A small local runner for the fault suites of this branch, until the operations branch's
// `npm run faults` (scripts/faults.ts) runs them: a fresh embedded PostgreSQL in .data/faults-dev with
// every migration applied, each suite run against it, and as the last line one JSON object merging the
// suites' keys (numbers summed, booleans AND-ed). Progress goes to standard error.
//   npx tsx scripts/faults-dev.ts [database port, default 54360]
import { rmSync } from "node:fs";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";
import { caseRacesSuite } from "./faults/case-races";
import type { FaultSuite } from "./faults/types";

const SUITES: FaultSuite[] = [caseRacesSuite];
const port = Number(process.argv[2] ?? 54_360);
const dataDir = ".data/faults-dev";

rmSync(dataDir, { recursive: true, force: true });
const database = await openDatabase({ dataDir, port, log: (message) => console.error(message) });
const merged: Record<string, number | boolean> = {};
let exitCode = 0;
try {
  await applyMigrations(database.url, { quiet: true });
  for (const suite of SUITES) {
    console.error(`[faults] ${suite.name} …`);
    const result = await suite.run({ baseUrl: "", databaseUrl: database.url, log: (message) => console.error(message) });
    for (const [key, value] of Object.entries(result)) {
      const previous = merged[key];
      merged[key] = typeof value === "boolean" ? (previous === undefined ? value : Boolean(previous) && value) : Number(previous ?? 0) + value;
    }
  }
} catch (error) {
  console.error("[faults] 失败", error);
  exitCode = 1;
} finally {
  const { db } = await import("../lib/db");
  await db.$disconnect();
  await database.stop();
}
console.log(JSON.stringify(merged));
process.exit(exitCode);
