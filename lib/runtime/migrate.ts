// Applies pending migrations (prisma/migrations/*/migration.sql) so that none can be half-applied
// (ADR 0031). Each migration runs as the owner role in its own transaction, together with its row in
// Prisma's _prisma_migrations table (same columns and checksums, so `prisma migrate status` and
// `migrate diff` keep working): a kill, a crash or an error at any statement leaves the previous
// schema, and the next run applies the migration again from the start. A transaction-level advisory
// lock (Prisma's own key) keeps two starts from applying the same migration twice, also through
// PgBouncer. After the migrations, the app role gets its rights on every table (lib/runtime/roles.ts),
// and its sessions must be in Beijing time (lib/runtime/session-time-zone.ts).
//
// Prisma's `migrate deploy` runs the statements one by one outside a transaction and, with the
// JavaScript engine, splits the script at every semicolon (which breaks function bodies); it is no
// longer used.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { RuntimeFailure, technicalText } from "./failure";
import { grantAppPrivileges, roleOfUrl } from "./roles";
import { assertBeijingSessions } from "./session-time-zone";

export const MIGRATIONS_DIR = path.join("prisma", "migrations");
/** Prisma Migrate's advisory lock key: also keeps a stray `prisma migrate deploy` out. */
const MIGRATION_LOCK_KEY = 72_707_369;
/** A migration waiting this long for a table lock gives up (and rolls back) instead of blocking the app. */
const MIGRATION_LOCK_TIMEOUT = "60s";

/** Statements PostgreSQL refuses inside a transaction block; a migration must not contain them. */
const OUTSIDE_TRANSACTION_ONLY = [/\bCONCURRENTLY\b/i, /\bALTER\s+SYSTEM\b/i, /\bVACUUM\b/i, /\b(CREATE|DROP)\s+DATABASE\b/i, /\bCREATE\s+TABLESPACE\b/i];

export interface Migration {
  name: string;
  /** sha256 of the file, hex: what Prisma stores. */
  checksum: string;
  sql: string;
}

export interface DatabaseUrls {
  /** The app's connection: its role receives its rights after the migrations. */
  url: string;
  /** The owner's connection: runs the migrations. */
  ownerUrl: string;
}

function withoutComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}

export function readMigrations(directory = MIGRATIONS_DIR): Migration[] {
  if (!existsSync(directory)) throw new RuntimeFailure(`找不到数据库迁移目录 ${directory}：请在项目根目录中运行`);
  return readdirSync(directory, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(directory, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(directory, name, "migration.sql"));
      const sql = bytes.toString("utf8");
      const unsafe = OUTSIDE_TRANSACTION_ONLY.find((pattern) => pattern.test(withoutComments(sql)));
      if (unsafe) {
        throw new RuntimeFailure(`迁移 ${name} 含有不能在事务中执行的语句（${unsafe.source.replaceAll("\\b", "").replaceAll("\\s+", " ")}）：每个迁移都须能整体回滚，请改写该迁移`);
      }
      return { name, checksum: createHash("sha256").update(bytes).digest("hex"), sql };
    });
}

const CREATE_MIGRATIONS_TABLE = `
  create table if not exists "_prisma_migrations" (
    "id" varchar(36) primary key not null,
    "checksum" varchar(64) not null,
    "finished_at" timestamptz,
    "migration_name" varchar(255) not null,
    "logs" text,
    "rolled_back_at" timestamptz,
    "started_at" timestamptz not null default now(),
    "applied_steps_count" integer not null default 0
  )`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

async function appliedMigrations(client: pg.ClientBase): Promise<AppliedRow[]> {
  const table = await client.query("select to_regclass('public._prisma_migrations') is not null as present");
  if (!table.rows[0]?.present) return [];
  const result = await client.query<AppliedRow>(
    `select migration_name, checksum, finished_at, rolled_back_at from "_prisma_migrations" where rolled_back_at is null order by started_at`,
  );
  return result.rows;
}

/** What is still to apply; refuses a database a newer version migrated, or one Prisma left half done. */
function pendingMigrations(migrations: readonly Migration[], applied: readonly AppliedRow[], log: (message: string) => void): Migration[] {
  const known = new Map(migrations.map((migration) => [migration.name, migration]));
  for (const row of applied) {
    if (row.finished_at === null) {
      throw new RuntimeFailure(
        `迁移 ${row.migration_name} 曾被旧版本中途打断，数据库处于半完成状态：请按 docs/operations.md 第 6 节“中断的迁移”恢复后再启动`,
      );
    }
    const migration = known.get(row.migration_name);
    if (!migration) {
      throw new RuntimeFailure(`数据库已由较新的版本升级（迁移 ${row.migration_name} 不在本程序中）：请先升级程序（git pull、npm ci）后再启动`);
    }
    if (migration.checksum !== row.checksum) log(`提示：迁移 ${row.migration_name} 在应用后被修改过（校验和不同），不会重新执行`);
  }
  const done = new Set(applied.map((row) => row.migration_name));
  return migrations.filter((migration) => !done.has(migration.name));
}

/**
 * Applies one migration inside the caller's open transaction: the script, then its record. Used on
 * its own by restore, which loads a backup in the same transaction as the schema it needs.
 */
export async function applyMigrationInTransaction(client: pg.ClientBase, migration: Migration): Promise<void> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const started = new Date();
  try {
    // The simple query protocol runs the whole script, function bodies and all, in this transaction.
    await client.query(migration.sql);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "55P03") {
      throw new RuntimeFailure(`迁移 ${migration.name} 等待数据库锁超过 ${MIGRATION_LOCK_TIMEOUT}，已整体回滚：请在无人使用时重试（例如先停止其他实例）`, error);
    }
    throw new RuntimeFailure(`迁移 ${migration.name} 执行失败，已整体回滚，数据库保持迁移前的状态（${technicalText(error).slice(0, 200)}）`, error);
  }
  await client.query(
    `insert into "_prisma_migrations" (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
     values ($1, $2, now(), $3, null, null, $4, 1)`,
    [randomUUID(), migration.checksum, migration.name, started],
  );
}

export interface ApplyMigrationsOptions {
  migrationsDir?: string;
  log?: (message: string) => void;
}

/** Applies every pending migration, each in its own transaction, then grants the app role its rights. */
export async function applyMigrations(database: DatabaseUrls, options: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => undefined);
  const migrations = readMigrations(options.migrationsDir);
  const client = new pg.Client({ connectionString: database.ownerUrl, application_name: "gongkai-migrate" });
  client.on("error", () => undefined);
  const applied: string[] = [];
  try {
    await client.connect();
    // A killed runner's transaction ends within a second, so the next start need not wait for it.
    await client.query(`set client_connection_check_interval = '1s'`);
    await client.query(`set lock_timeout = '${MIGRATION_LOCK_TIMEOUT}'`);
    await client.query("set statement_timeout = 0");
    for (;;) {
      await client.query("begin");
      try {
        await client.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK_KEY]);
        const [next] = pendingMigrations(migrations, await appliedMigrations(client), log);
        if (!next) {
          await client.query("commit");
          break;
        }
        log(`应用数据库迁移 ${next.name} …`);
        await applyMigrationInTransaction(client, next);
        await client.query("commit");
        applied.push(next.name);
      } catch (error) {
        await client.query("rollback").catch(() => undefined);
        throw error;
      }
    }
    const appRole = roleOfUrl(database.url);
    if (appRole !== roleOfUrl(database.ownerUrl)) await grantAppPrivileges(client, appRole);
  } catch (error) {
    if (error instanceof RuntimeFailure) throw error;
    throw new RuntimeFailure(`数据库迁移失败：${describeConnectionFailure(error)}`, error);
  } finally {
    await client.end().catch(() => undefined);
  }
  await assertBeijingSessions(database.url);
  return { applied };
}

function describeConnectionFailure(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "42501") return "所用账户没有建表等权限，迁移须以所有者账户运行（设置 MIGRATION_DATABASE_URL，见 docs/operations.md 第 2 节）";
  if (code === "28P01") return "数据库拒绝登录（用户名或密码不正确）";
  if (code === "ECONNREFUSED") return "无法连接数据库";
  return technicalText(error).slice(0, 200);
}
