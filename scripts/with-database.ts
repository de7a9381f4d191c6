// Runs a command with DATABASE_URL pointing at the app's database (the embedded PostgreSQL when
// DATABASE_URL is unset), then stops the database if this process started it.
//   npx tsx scripts/with-database.ts prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma --script
import { spawn } from "node:child_process";
import { childProcessEnv, getEnv } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("用法：tsx scripts/with-database.ts <命令> [参数…]");
  process.exit(2);
}

const env = getEnv();
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  port: env.EMBEDDED_DATABASE_PORT,
  log: (message) => console.error(message),
});
// --no-install: run the project's own tool, never fetch a package of the same name.
const child = spawn("npx", ["--no-install", command, ...args], { stdio: "inherit", env: childProcessEnv({ DATABASE_URL: database.url }) });
const code: number = await new Promise((resolve) => child.on("exit", (exitCode) => resolve(exitCode ?? 1)));
await database.stop();
process.exit(code);
