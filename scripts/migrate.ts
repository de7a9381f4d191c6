// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the embedded database.
import { getEnv } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";

const env = getEnv();
const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  port: env.EMBEDDED_DATABASE_PORT,
  log: (message) => console.error(message),
});
try {
  await applyMigrations(database.url);
  console.error("数据库迁移已完成");
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await database.stop();
}
