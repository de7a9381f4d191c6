// Runs a command with DATABASE_URL pointing at the app's database (the embedded PostgreSQL when
// DATABASE_URL is unset), after applying pending migrations. `npm run dev` runs `next dev` through it
// and owns the embedded database like npm start; any other command joins a running one.
//   npx tsx scripts/with-database.ts prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script
import { spawn } from "node:child_process";
import { childProcessEnv, dataDirForLogs } from "../lib/env";
import { openConfiguredDatabase, type OpenDatabase } from "../lib/runtime/database";
import { reportFailure } from "../lib/runtime/failure";
import { applyMigrations } from "../lib/runtime/migrate";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("用法：tsx scripts/with-database.ts <命令> [参数…]");
  process.exit(2);
}

const log = (message: string) => console.error(`[gongkai] ${message}`);
let database: OpenDatabase | undefined;
let code = 1;
try {
  database = await openConfiguredDatabase(command === "next" ? "server" : "command", log);
  await applyMigrations(database, { log });
  // --no-install: run the project's own tool, never fetch a package of the same name.
  const child = spawn("npx", ["--no-install", command, ...args], {
    stdio: "inherit",
    env: childProcessEnv({ DATABASE_URL: database.url, MIGRATION_DATABASE_URL: database.ownerUrl }),
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  code = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
} catch (error) {
  reportFailure(error, { prefix: "[gongkai] ", dataDir: dataDirForLogs() });
} finally {
  await database?.stop();
}
process.exit(code);
