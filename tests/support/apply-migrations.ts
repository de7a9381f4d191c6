// Child process for the migration-kill test: applies the migrations of a folder, as npm start would.
//   node --import tsx tests/support/apply-migrations.ts <ownerUrl> <appUrl> <migrationsDir>
import { applyMigrations } from "../../lib/runtime/migrate";

const [ownerUrl = "", url = "", migrationsDir = ""] = process.argv.slice(2);
await applyMigrations({ ownerUrl, url }, { migrationsDir });
