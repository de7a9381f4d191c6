// Migrations cannot be half-applied (issue 9, item 5): a runner killed in the middle of a migration
// leaves the previous schema and no record of it, and the next run applies it whole; a failing
// migration rolls back; a statement that cannot run in a transaction is refused before anything runs.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { applyMigrations, readMigrations } from "../lib/runtime/migrate";
import { createScratchDatabase, type ScratchDatabase } from "./support/scratch-database";

let scratch: ScratchDatabase;
let folder: string;

function writeMigration(name: string, sql: string): void {
  mkdirSync(path.join(folder, name), { recursive: true });
  writeFileSync(path.join(folder, name, "migration.sql"), sql);
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function tables(): Promise<string[]> {
  const rows = await query<{ name: string }>(scratch.ownerUrl, `select tablename as name from pg_tables where schemaname = 'public' order by 1`);
  return rows.map((row) => row.name);
}

async function recorded(): Promise<string[]> {
  const rows = await query<{ name: string }>(scratch.ownerUrl, `select migration_name as name from "_prisma_migrations" order by 1`);
  return rows.map((row) => row.name);
}

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not reached");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const urls = () => ({ ownerUrl: scratch.ownerUrl, url: scratch.appUrl });

beforeEach(async () => {
  scratch = await createScratchDatabase({ adminUrl: inject("adminDatabaseUrl"), ownerUrl: inject("ownerDatabaseUrl"), appUrl: inject("databaseUrl") }, "migrate");
  folder = mkdtempSync(path.join(os.tmpdir(), "gongkai-migrations-"));
  writeMigration("20990101000000_gate", `CREATE TABLE "gate" ("id" INTEGER);`);
});

afterEach(async () => {
  await scratch.drop();
  rmSync(folder, { recursive: true, force: true });
});

describe("a runner killed during a migration", () => {
  it("leaves the previous schema, and the next run completes the migration", async () => {
    await applyMigrations(urls(), { migrationsDir: folder });
    // The second migration's first statement runs, then its second waits for the lock the test holds.
    writeMigration(
      "20990102000000_slow",
      `CREATE TABLE "half_done" ("id" INTEGER);\nINSERT INTO "gate" VALUES (1);\nCREATE TABLE "after_gate" ("id" INTEGER);`,
    );
    const holder = new pg.Client({ connectionString: scratch.ownerUrl });
    await holder.connect();
    await holder.query("begin");
    await holder.query(`lock table "gate" in share mode`);

    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "tests/support/apply-migrations.ts", scratch.ownerUrl, scratch.appUrl, folder], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const waitingMigration = async () =>
      (
        await query(
          scratch.ownerUrl,
          `select 1 from pg_stat_activity where datname = $1 and application_name = 'gongkai-migrate' and wait_event_type = 'Lock'`,
          [scratch.name],
        )
      ).length === 1;
    await until(waitingMigration);
    child.kill("SIGKILL");
    await exited;
    // client_connection_check_interval ends the orphaned transaction within about a second.
    await until(async () => (await query(scratch.ownerUrl, `select 1 from pg_stat_activity where application_name = 'gongkai-migrate'`)).length === 0);
    await holder.query("rollback");
    await holder.end();

    expect(await tables()).toEqual(["_prisma_migrations", "gate"]);
    expect(await recorded()).toEqual(["20990101000000_gate"]);

    const { applied } = await applyMigrations(urls(), { migrationsDir: folder });
    expect(applied).toEqual(["20990102000000_slow"]);
    expect(await tables()).toEqual(["_prisma_migrations", "after_gate", "gate", "half_done"]);
    expect(await recorded()).toEqual(["20990101000000_gate", "20990102000000_slow"]);
  });
});

describe("a migration that fails", () => {
  it("rolls back entirely with a Chinese message and records nothing", async () => {
    writeMigration("20990102000000_broken", `CREATE TABLE "first" ("id" INTEGER);\nCREATE TABLE "first" ("id" INTEGER);`);
    await expect(applyMigrations(urls(), { migrationsDir: folder })).rejects.toThrow(/迁移 20990102000000_broken 执行失败，已整体回滚/);
    expect(await tables()).toEqual(["_prisma_migrations", "gate"]);
    expect(await recorded()).toEqual(["20990101000000_gate"]);
  });

  it("runs a function body with semicolons as one script", async () => {
    writeMigration(
      "20990102000000_function",
      `CREATE FUNCTION "twice"(value INTEGER) RETURNS INTEGER AS $$\nBEGIN\n  value := value * 2;\n  RETURN value;\nEND;\n$$ LANGUAGE plpgsql;`,
    );
    await applyMigrations(urls(), { migrationsDir: folder });
    expect(await query(scratch.appUrl, `select "twice"(21) as value`)).toEqual([{ value: 42 }]);
  });
});

describe("a statement that cannot run in a transaction", () => {
  it("is refused before any migration runs", () => {
    writeMigration("20990102000000_concurrent", `CREATE INDEX CONCURRENTLY "gate_id" ON "gate" ("id");`);
    expect(() => readMigrations(folder)).toThrow(/不能在事务中执行/);
  });
});

describe("a database migrated by a newer version", () => {
  it("is refused with a Chinese message", async () => {
    writeMigration("20990102000000_newer", `CREATE TABLE "newer" ("id" INTEGER);`);
    await applyMigrations(urls(), { migrationsDir: folder });
    rmSync(path.join(folder, "20990102000000_newer"), { recursive: true });
    await expect(applyMigrations(urls(), { migrationsDir: folder })).rejects.toThrow(/较新的版本/);
  });
});

describe("the app's sessions outside Beijing time", () => {
  it("are refused after the migrations, with the statement that fixes them", async () => {
    const inUtc = new URL(scratch.appUrl);
    inUtc.searchParams.set("options", "-c TimeZone=UTC");
    await expect(applyMigrations({ url: inUtc.toString(), ownerUrl: scratch.ownerUrl }, { migrationsDir: folder })).rejects.toThrow(
      /数据库会话时区为 UTC，应为 Asia\/Shanghai.*偏差 8 小时.*ALTER DATABASE .* SET timezone TO 'Asia\/Shanghai'/,
    );
    // The same database in Beijing time: accepted (the embedded server's sessions, and every other test's).
    await expect(applyMigrations(urls(), { migrationsDir: folder })).resolves.toEqual({ applied: [] });
  });
});
