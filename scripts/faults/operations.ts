// Fault suite "operations" (issue 9): what an operator's bad day does to the running system.
//
// The destructive steps need a server of their own: this suite starts a second real `npm start` on
// the ports just below the runner's (its HTTP port − 1, its database port − 1) with data in
// .data/faults-operations, a pool of 4 connections and short waits, and drives it over HTTP, through
// the CLI (`npm run cli`, as an operator would) and, for load, through the app's own domain functions
// in a child process (scripts/faults/workload.ts). The runner's server is used only for scratch
// databases (restore target, migration run). Keys:
// - import_kill_atomic: a CLI import killed (SIGKILL) inside its write transaction leaves no case of
//   that import, the server and its database keep running, and the same import then succeeds whole;
// - db_crash_restarted: the embedded PostgreSQL killed (SIGKILL) under load is restarted by npm start;
// - db_restart_recovered: the same npm start then serves sign-in and pages again, and showed the
//   Chinese outage page meanwhile;
// - pool_exhaustion_answered: with every pool connection stuck behind a lock, a page is answered within
//   the connection wait with 系统繁忙，请稍后重试, health says degraded, and all recovers afterwards;
// - backup_restore_identical: `cli backup` of the populated database (cases, a published report,
//   attachments) restored with `cli restore` into an empty database gives the same rows in every
//   table, the same published reports and the same files; a backup into a missing folder fails with
//   one Chinese line and leaves no file;
// - migration_kill_recovered: npm start killed while its migration waits inside its transaction leaves
//   the previous schema and no record, and the next npm start completes it;
// - rows_lost: acknowledged registrations missing after the crash, rows missing after the restore,
//   and cases missing from the repeated import.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { childProcessEnv } from "../../lib/env";
import { removeEmbeddedData } from "../../lib/runtime/database";
import { readMigrations, applyMigrations, MIGRATIONS_DIR } from "../../lib/runtime/migrate";
import { databaseUrlFor, healthStatus, queryRows, signIn, sleep, startServer, until, waitUntilHealthy, type RunningServer } from "./server";
import { snapshotDatabase } from "../../tests/support/database-snapshot";
import type { FaultContext, FaultSuite } from "./types";

const DATA_DIR = path.resolve(".data", "faults-operations");
const WORK_DIR = path.resolve(".data", "faults-logs", "operations");
const POOL_SIZE = 4;
const CONNECTION_WAIT_MS = 1_500;
const DEMO_CLERK = { username: "clerk", password: "Clerk-demo-2026" };
const IMPORT_ROWS = 4_000;

interface Urls {
  superuser: string;
  app: string;
  clusterDir: string;
}

function embeddedUrls(dataDir: string, port: number): Urls {
  const credentials = JSON.parse(readFileSync(path.join(dataDir, "embedded-postgres.json"), "utf8")) as {
    user: string;
    password: string;
    database: string;
    appPassword: string;
    clusterDir?: string;
  };
  const url = (user: string, password: string) => `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${credentials.database}`;
  return { superuser: url(credentials.user, credentials.password), app: url("gongkai_app", credentials.appPassword), clusterDir: credentials.clusterDir ?? path.join(dataDir, "postgres") };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runScript(script: string, args: string[], env: Record<string, string | undefined>): { child: ReturnType<typeof spawn>; done: Promise<Run> } {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", script, ...args], { env: childProcessEnv({ NODE_ENV: undefined, ...env }), stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const done = new Promise<Run>((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

function postmasterPid(clusterDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(clusterDir, "postmaster.pid"), "utf8").split("\n")[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}


function filesOf(root: string, relative = ""): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(path.join(root, relative))) return files;
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [name, content] of filesOf(root, child)) files.set(name, content);
    else files.set(child, readFileSync(path.join(root, child)).toString("base64"));
  }
  return files;
}

async function createScratchDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  await queryRows(adminUrl, `create database "${name}"`);
  return { url: databaseUrlFor(adminUrl, name), drop: async () => void (await queryRows(adminUrl, `drop database if exists "${name}" with (force)`)) };
}

export const operationsSuite: FaultSuite = {
  name: "operations",
  async run(context: FaultContext) {
    const result: Record<string, number | boolean> = {
      import_kill_atomic: false,
      db_crash_restarted: false,
      db_restart_recovered: false,
      pool_exhaustion_answered: false,
      backup_restore_identical: false,
      migration_kill_recovered: false,
      rows_lost: 0,
    };
    const lost = (rows: number) => (result.rows_lost = Number(result.rows_lost) + Math.max(0, rows));
    const port = Number(new URL(context.baseUrl).port) - 1;
    const databasePort = Number(new URL(context.databaseUrl).port) - 1;
    const step = async (name: string, body: () => Promise<void>) => {
      context.log(`operations：${name} …`);
      try {
        await body();
      } catch (error) {
        context.log(`operations：${name} 出错：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      context.log(`operations：${name} → ${JSON.stringify(result)}`);
    };

    removeEmbeddedData(DATA_DIR);
    rmSync(WORK_DIR, { recursive: true, force: true });
    mkdirSync(WORK_DIR, { recursive: true });
    const server = startServer({
      port,
      databasePort,
      dataDir: DATA_DIR,
      logFile: path.join(WORK_DIR, "server.log"),
      env: {
        SEED_DEMO: "true",
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        DATABASE_CONNECTION_WAIT_MS: String(CONNECTION_WAIT_MS),
        DATABASE_LOCK_TIMEOUT_MS: "10000",
      },
    });
    const commandEnv = { DATA_DIR, EMBEDDED_DATABASE_PORT: String(databasePort), DATABASE_URL: undefined, MIGRATION_DATABASE_URL: undefined };
    const cli = (...args: string[]) => runScript("scripts/cli.ts", args, commandEnv);

    try {
      if (!(await waitUntilHealthy(server, 300_000))) throw new Error(`operations 的服务未能启动，见 ${path.join(WORK_DIR, "server.log")}`);
      const urls = embeddedUrls(DATA_DIR, databasePort);
      const appEnv = { DATABASE_URL: urls.app, MIGRATION_DATABASE_URL: undefined };

      await step("import_kill_atomic", async () => {
        const ledgerFile = path.join(WORK_DIR, "ledger.csv");
        if ((await runScript("scripts/faults/workload.ts", ["ledger", String(IMPORT_ROWS), ledgerFile], appEnv).done).code !== 0) throw new Error("生成台账失败");
        for (const [code, name] of [["faults-import", "故障导入局"]]) {
          const created = await cli("org", "create", code ?? "", name ?? "").done;
          if (created.code !== 0) throw new Error(created.stderr);
        }
        const importWrites = `select a.pid from pg_locks l join pg_stat_activity a on a.pid = l.pid
          where l.relation = '"Application"'::regclass and l.mode = 'RowExclusiveLock' and a.application_name = 'gongkai'`;
        const running = cli("import", "--org", "faults-import", ledgerFile);
        const writing = await until(async () => (await queryRows(urls.superuser, importWrites)).length > 0, 120_000, 20);
        running.child.kill("SIGKILL");
        await running.done;
        if (!writing) throw new Error("导入在写入前已结束，未能在事务中打断");
        await until(async () => (await queryRows(urls.superuser, importWrites)).length === 0, 30_000);
        const [{ count: afterKill = "-1" } = {}] = await queryRows<{ count: string }>(
          urls.superuser,
          `select count(*)::text as count from "Application" a join "Organization" o on o.id = a."organizationId" where o.code = 'faults-import'`,
        );
        const stillServing = (await healthStatus(server.baseUrl))?.status === "ok";
        const again = await cli("import", "--org", "faults-import", ledgerFile).done;
        const [{ count: imported = "0" } = {}] = await queryRows<{ count: string }>(
          urls.superuser,
          `select count(*)::text as count from "Application" a join "Organization" o on o.id = a."organizationId" where o.code = 'faults-import'`,
        );
        context.log(`operations：打断后 ${afterKill} 件，服务${stillServing ? "正常" : "异常"}，重新导入退出码 ${again.code}，共 ${imported} 件`);
        lost(IMPORT_ROWS - Number(imported));
        result.import_kill_atomic = Number(afterKill) === 0 && stillServing && again.code === 0 && Number(imported) === IMPORT_ROWS;
      });

      await step("db_crash_restarted / db_restart_recovered", async () => {
        const session = await signIn(server.baseUrl, DEMO_CLERK.username, DEMO_CLERK.password);
        if (!session) throw new Error("演示账户无法登录");
        const load = runScript("scripts/faults/workload.ts", ["register", "20", "4"], appEnv);
        await sleep(4_000);
        const before = postmasterPid(urls.clusterDir);
        if (!before) throw new Error("找不到内置数据库的进程号");
        process.kill(before, "SIGKILL");
        const outagePage = await until(
          async () => {
            const response = await fetch(`${server.baseUrl}/cases`, { headers: { cookie: session }, redirect: "manual", signal: AbortSignal.timeout(10_000) });
            const text = await response.text();
            return text.includes("系统暂时无法访问数据库") || text.includes("系统繁忙，请稍后重试");
          },
          5_000,
          100,
        );
        const restarted = await until(async () => {
          const now = postmasterPid(urls.clusterDir);
          return now !== undefined && now !== before && (await queryRows(urls.superuser, "select 1")).length === 1;
        }, 60_000);
        const logged = readFileSync(path.join(DATA_DIR, "logs", "postgresql.log"), "utf8").includes("内置数据库意外退出");
        result.db_crash_restarted = Boolean(restarted) && logged;

        const { stdout } = await load.done;
        const acknowledged = stdout
          .split("\n")
          .filter((line) => line.startsWith('{"id"'))
          .map((line) => (JSON.parse(line) as { id: string }).id);
        const [{ count = "0" } = {}] = await queryRows<{ count: string }>(urls.superuser, `select count(*)::text as count from "Application" where id = any($1)`, [acknowledged]);
        lost(acknowledged.length - Number(count));
        const healthy = await until(async () => (await healthStatus(server.baseUrl))?.status === "ok", 30_000);
        const again = await signIn(server.baseUrl, DEMO_CLERK.username, DEMO_CLERK.password);
        const page = again ? await fetch(`${server.baseUrl}/cases`, { headers: { cookie: again }, signal: AbortSignal.timeout(30_000) }) : undefined;
        const pageOk = page?.status === 200 && (await page.text()).includes('data-testid="current-user"');
        context.log(
          `operations：确认写入 ${acknowledged.length} 件，其中 ${count} 件在库；重启${restarted ? "成功" : "失败"}；期间中文提示页${outagePage ? "有" : "无"}；之后页面${pageOk ? "正常" : "异常"}`,
        );
        result.db_restart_recovered = Boolean(healthy) && pageOk && Boolean(outagePage) && server.process.exitCode === null;
      });

      await step("pool_exhaustion_answered", async () => {
        const session = await signIn(server.baseUrl, DEMO_CLERK.username, DEMO_CLERK.password);
        if (!session) throw new Error("演示账户无法登录");
        const locker = new pg.Client({ connectionString: urls.superuser });
        await locker.connect();
        let flood: Promise<unknown>[] = [];
        try {
          await locker.query("begin");
          await locker.query(`lock table "User" in exclusive mode`);
          // Wrong passwords: each sign-in's update of the failure count waits for the lock, holding a connection.
          flood = Array.from({ length: POOL_SIZE * 3 }, () => signIn(server.baseUrl, "manager", "wrong-password-0").catch(() => undefined));
          const saturated = await until(
            async () => (await queryRows(urls.superuser, `select 1 from pg_stat_activity where application_name = 'gongkai' and wait_event_type = 'Lock'`)).length >= POOL_SIZE,
            20_000,
            50,
          );
          if (!saturated) throw new Error("连接池未能占满");
          const started = Date.now();
          const page = await fetch(`${server.baseUrl}/cases`, { headers: { cookie: session }, signal: AbortSignal.timeout(30_000) });
          const text = await page.text();
          const elapsed = Date.now() - started;
          const healthStarted = Date.now();
          const health = await healthStatus(server.baseUrl);
          const healthElapsed = Date.now() - healthStarted;
          const answered = text.includes("系统繁忙，请稍后重试") && elapsed < CONNECTION_WAIT_MS + 3_000;
          const degraded = health?.code === 503 && health.status === "degraded" && healthElapsed < CONNECTION_WAIT_MS;
          if (!answered) context.log(`operations：页面 ${page.status} ${page.url}：${text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").slice(0, 300)}`);
          context.log(`operations：页面 ${elapsed} ms ${answered ? "答复“系统繁忙”" : "未答复繁忙"}；健康检查 ${healthElapsed} ms ${health?.code} ${health?.status}`);
          await locker.query("rollback");
          await Promise.all(flood);
          const recovered = await until(async () => (await healthStatus(server.baseUrl))?.status === "ok", 30_000);
          result.pool_exhaustion_answered = answered && degraded && Boolean(recovered);
        } finally {
          await locker.query("rollback").catch(() => undefined);
          await Promise.all(flood);
          await locker.end().catch(() => undefined);
        }
      });

      await step("backup_restore_identical", async () => {
        const attachments = path.join(DATA_DIR, "attachments", "faults");
        mkdirSync(attachments, { recursive: true });
        writeFileSync(path.join(attachments, "申请书.pdf"), Buffer.from("%PDF-1.7 故障测试附件\n"));
        writeFileSync(path.join(attachments, "答复书.docx"), Buffer.alloc(200_000, 3));
        const manager = await runScript("scripts/cli.ts", ["user", "create", "--org", "faults-import", "--username", "faults-manager", "--name", "故障负责人", "--role", "MANAGER"], {
          ...commandEnv,
          GONGKAI_NEW_PASSWORD: "Faults-manager-2026",
        }).done;
        if (manager.code !== 0) throw new Error(manager.stderr);
        const year = String(new Date().getFullYear() - 1);
        const published = await runScript("scripts/faults/workload.ts", ["publish", "faults-import", "faults-manager", year], appEnv).done;
        if (published.code !== 0) context.log(`operations：发布 ${year} 年度报告未成功：${published.stderr.trim()}`);

        const missingFolder = await cli("backup", path.join(WORK_DIR, "no-such-folder", "x.gkbackup")).done;
        // Progress lines come first; the error is the last line, in Chinese, with no stack trace.
        const errorLines = missingFolder.stderr.trim().split("\n");
        const refusedCleanly =
          missingFolder.code !== 0 && /[\u4e00-\u9fff]/.test(errorLines.at(-1) ?? "") && !errorLines.some((line) => /^\s+at\s|Error:/.test(line));

        const file = path.join(WORK_DIR, "faults.gkbackup");
        const before = await snapshotDatabase(urls.superuser);
        const backup = await cli("backup", file).done;
        if (backup.code !== 0) throw new Error(`备份失败：${backup.stderr}`);
        const after = await snapshotDatabase(urls.superuser);
        const source = JSON.stringify(before) === JSON.stringify(after) ? before : undefined;
        if (!source) context.log("operations：备份期间数据库有写入，按备份后的状态比较");

        const target = await createScratchDatabase(context.databaseUrl, "faults_restore");
        try {
          const restoreDir = path.join(WORK_DIR, "restored-data");
          const restored = await runScript("scripts/cli.ts", ["restore", file], { DATA_DIR: restoreDir, DATABASE_URL: target.url, MIGRATION_DATABASE_URL: target.url }).done;
          if (restored.code !== 0) throw new Error(`恢复失败：${restored.stderr}`);
          const copy = await snapshotDatabase(target.url);
          const expected = source ?? after;
          let missingRows = 0;
          for (const [table, { rows }] of Object.entries(expected.tables)) missingRows += Math.max(0, rows - (copy.tables[table]?.rows ?? 0));
          lost(missingRows);
          const sameTables = JSON.stringify(copy.tables) === JSON.stringify(expected.tables);
          const sameReports = JSON.stringify(copy.reports) === JSON.stringify(expected.reports);
          const original = filesOf(path.join(DATA_DIR, "attachments"));
          const restoredFiles = filesOf(path.join(restoreDir, "attachments"));
          const sameFiles = original.size === 2 && JSON.stringify([...original].sort()) === JSON.stringify([...restoredFiles].sort());
          context.log(
            `operations：备份 ${Object.keys(expected.tables).length} 个表、${expected.reports.length} 份已发布年报；表${sameTables ? "一致" : "不一致"}，年报${sameReports ? "一致" : "不一致"}，附件${sameFiles ? "一致" : "不一致"}；缺目录时${refusedCleanly ? "以一行中文拒绝" : "未正确拒绝"}`,
          );
          result.backup_restore_identical = sameTables && sameReports && sameFiles && refusedCleanly && !existsSync(path.join(WORK_DIR, "no-such-folder"));
        } finally {
          await target.drop();
        }
      });
    } finally {
      await server.stop();
    }

    await step("migration_kill_recovered", async () => {
      const migrations = readMigrations();
      const last = migrations.at(-1);
      if (!last || migrations.length < 2) throw new Error("迁移数量不足");
      const earlier = path.join(WORK_DIR, "migrations-before");
      mkdirSync(earlier, { recursive: true });
      for (const migration of migrations.slice(0, -1)) cpSync(path.join(MIGRATIONS_DIR, migration.name), path.join(earlier, migration.name), { recursive: true });
      const target = await createScratchDatabase(context.databaseUrl, "faults_migrate");
      try {
        await applyMigrations({ ownerUrl: target.url, url: target.url }, { migrationsDir: earlier });
        const schema = async () =>
          JSON.stringify(
            await queryRows(target.url, `select table_name, column_name, data_type from information_schema.columns where table_schema = 'public' order by 1, 2`),
          );
        const recorded = async () => (await queryRows<{ name: string }>(target.url, `select migration_name as name from "_prisma_migrations" order by 1`)).map((row) => row.name);
        const schemaBefore = await schema();
        const tables = (await queryRows<{ name: string }>(target.url, `select tablename as name from pg_tables where schemaname = 'public'`)).map((row) => `"${row.name}"`);

        const locker = new pg.Client({ connectionString: target.url });
        await locker.connect();
        await locker.query("begin");
        await locker.query(`lock table ${tables.join(", ")} in exclusive mode`);
        const serverEnv = { DATABASE_URL: target.url, MIGRATION_DATABASE_URL: target.url, SEED_DEMO: "false" };
        const first = startServer({ port, databasePort, dataDir: path.join(WORK_DIR, "migrate-data"), logFile: path.join(WORK_DIR, "migrate-server.log"), env: serverEnv });
        const waiting = await until(
          async () =>
            (await queryRows(target.url, `select 1 from pg_stat_activity where datname = current_database() and application_name = 'gongkai-migrate' and wait_event_type = 'Lock'`))
              .length === 1,
          120_000,
          100,
        );
        await first.kill();
        await until(async () => (await queryRows(target.url, `select 1 from pg_stat_activity where application_name = 'gongkai-migrate'`)).length === 0, 30_000);
        await locker.query("rollback");
        await locker.end();
        const keptPrevious = (await schema()) === schemaBefore && !(await recorded()).includes(last.name);
        const unfinished = await queryRows(target.url, `select 1 from "_prisma_migrations" where finished_at is null`);

        const second: RunningServer = startServer({ port, databasePort, dataDir: path.join(WORK_DIR, "migrate-data"), logFile: path.join(WORK_DIR, "migrate-server.log"), env: serverEnv });
        const completed = (await waitUntilHealthy(second, 300_000)) && (await recorded()).includes(last.name);
        await second.stop();
        context.log(
          `operations：迁移 ${last.name} ${waiting ? "在事务中被打断" : "未能在事务中打断"}；打断后${keptPrevious && unfinished.length === 0 ? "保持原结构" : "结构被改动"}；再次启动${completed ? "完成迁移" : "未完成"}`,
        );
        result.migration_kill_recovered = Boolean(waiting) && keptPrevious && unfinished.length === 0 && completed;
      } finally {
        await target.drop();
      }
    });
    return result;
  },
};
