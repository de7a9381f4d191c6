// npm run db:migrate: applies pending migrations (each in its own transaction, as the owner role) to
// DATABASE_URL / MIGRATION_DATABASE_URL, or to the embedded database, and grants the app role its rights.
import { dataDirForLogs } from "../lib/env";
import { openConfiguredDatabase, type OpenDatabase } from "../lib/runtime/database";
import { reportFailure } from "../lib/runtime/failure";
import { applyMigrations } from "../lib/runtime/migrate";

const log = (message: string) => console.error(message);
let database: OpenDatabase | undefined;
try {
  database = await openConfiguredDatabase("command", log);
  const { applied } = await applyMigrations(database, { log });
  console.error(applied.length > 0 ? `数据库迁移已完成（${applied.length} 个）` : "数据库已是最新，无需迁移");
} catch (error) {
  reportFailure(error, { prefix: "", dataDir: dataDirForLogs(), fallback: "数据库迁移失败" });
  process.exitCode = 1;
} finally {
  await database?.stop();
}
