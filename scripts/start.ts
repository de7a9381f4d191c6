// npm start: opens the database (the embedded PostgreSQL, owned and supervised by this process, when
// DATABASE_URL is unset), applies pending migrations, seeds the demo organization into an empty
// database, builds the app when its sources changed (never under another running server), and serves
// the production build with one `next start` process per CPU core (APP_WORKERS) on one port (node:cluster:
// this process owns the socket and hands each connection to the workers in turn). Ctrl-C (or SIGTERM)
// stops the app, then the database; a second Ctrl-C stops both at once. Every failure is one Chinese
// line on standard error, never a stack trace. docs/decisions/0095.
import { spawn, type ChildProcess } from "node:child_process";
import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childProcessEnv, dataDirForLogs, getEnv, useDatabaseUrl, type Env } from "../lib/env";
import { prepareBuild, type ServedBuild } from "../lib/runtime/build";
import { openConfiguredDatabase, type OpenDatabase } from "../lib/runtime/database";
import { reportFailure, RuntimeFailure } from "../lib/runtime/failure";
import { applyMigrations } from "../lib/runtime/migrate";

const PREFIX = "[gongkai]";
const log = (message: string) => console.log(`${PREFIX} ${message}`);
const APP_STOP_TIMEOUT_MS = 20_000;
const NEXT_BIN = path.join("node_modules", "next", "dist", "bin", "next");

let env: Env | undefined;
let database: OpenDatabase | undefined;
let build: ServedBuild | undefined;
/** The build's child process (generate-client, next build) while it runs. */
let app: ChildProcess | undefined;
/** The `next start` workers serving the app. */
const workers = new Set<Worker>();
let stopping = false;

function localSecret(folder: string): string {
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: childEnv });
    app = child;
    child.on("error", () => resolve(1));
    child.on("exit", (code) => {
      if (app === child) app = undefined;
      resolve(code ?? 1);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), APP_STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

async function stopApp(): Promise<void> {
  const children = [...(app ? [app] : []), ...[...workers].map((worker) => worker.process)];
  if (children.every((child) => child.exitCode !== null || child.signalCode !== null)) return;
  log("正在停止应用 …");
  await Promise.all(children.map(stopChild));
}

async function shutdown(code: number): Promise<never> {
  if (stopping) {
    // A second Ctrl-C: stop both now.
    app?.kill("SIGKILL");
    for (const worker of workers) worker.process.kill("SIGKILL");
    process.exit(code || 130);
  }
  stopping = true;
  try {
    await stopApp();
    build?.release();
    if (database?.owned) log("正在停止内置数据库 …");
    await database?.stop();
  } catch (error) {
    reportFailure(error, { prefix: `${PREFIX} `, dataDir: dataDirForLogs(), fallback: "停止时出错" });
  }
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    reportFailure(error, { prefix: `${PREFIX} `, dataDir: dataDirForLogs(), fallback: "运行出错，正在停止" });
    void shutdown(1);
  });
}

async function main(): Promise<void> {
  env = getEnv();
  database = await openConfiguredDatabase("server", log);
  if (stopping) return;

  log("应用数据库迁移 …");
  const { applied } = await applyMigrations(database, { log });
  if (applied.length > 0) log(`已应用 ${applied.length} 个数据库迁移`);
  useDatabaseUrl(database.url);
  // The demo accounts' passwords are public: never on an external (production) database.
  if (env.SEED_DEMO && !database.embedded) {
    log("已设置 DATABASE_URL：不创建演示数据（SEED_DEMO 只对内置数据库有效）");
  } else if (env.SEED_DEMO) {
    const { seedDemoDataIfEmpty } = await import("../prisma/seed");
    if (await seedDemoDataIfEmpty({ embeddedDatabase: true })) log("数据库为空：已创建示例机构 demo（示例市司法局）及三个演示账户");
  }
  const { disconnectDatabase } = await import("../lib/db");
  await disconnectDatabase();

  // The app gets the app role's URL only: the owner's credentials stay in this process.
  const childEnv = childProcessEnv({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    MIGRATION_DATABASE_URL: undefined,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? localSecret(env.DATA_DIR),
    AUTH_TRUST_HOST: env.NEXTAUTH_URL ? (env.AUTH_TRUST_HOST ? "true" : undefined) : "true",
  });

  build = await prepareBuild({
    skipBuild: env.SKIP_BUILD,
    log,
    build: async () => {
      if ((await run(process.execPath, ["scripts/generate-client.mjs"], childEnv)) !== 0) throw new RuntimeFailure("生成数据库客户端失败（见上方输出）");
      if (stopping) throw new RuntimeFailure("构建已中断");
      const code = await run(process.execPath, [NEXT_BIN, "build"], childEnv);
      if (code !== 0) throw new RuntimeFailure(stopping ? "构建已中断" : `构建失败（next build 退出码 ${code}，见上方输出）`);
    },
  });
  if (stopping) return;

  const count = env.APP_WORKERS ?? availableParallelism();
  log(`启动服务：http://localhost:${env.PORT}（${count} 个应用进程）`);
  // Each worker runs `next start` itself (not under tsx); its listen() on the port goes through this
  // process, which owns the socket and hands each new connection to the next worker in turn. What a
  // worker keeps in memory stays correct beside the others: the calendar is checked against the
  // database's fingerprint before each use, the session-token map only spares decrypting a cookie (the
  // session row is read on every request), the sign-in limits live in PostgreSQL, and the alerts'
  // scheduler elects one pass at a time through an advisory lock (ADR 0083, 0095).
  // A young generation of 64 MB per semi-space (V8's default is 16): a page render allocates a few MB
  // that die with the request, and with the small one they were scavenged, and part of them promoted
  // to the old generation, several times a second under load; the case page's CPU fell by about a
  // tenth (ADR 0074). Costs up to ~100 MB more memory per worker.
  cluster.setupPrimary({
    exec: NEXT_BIN,
    args: ["start", "-p", String(env.PORT)],
    execArgv: ["--max-semi-space-size=64"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  // cluster.fork adds its argument to this process's environment: what childEnv leaves out is removed.
  const workerEnv: Record<string, string | undefined> = { ...Object.fromEntries(Object.keys(process.env).map((name) => [name, undefined])), ...childEnv };
  for (let index = 0; index < count; index += 1) {
    const worker = cluster.fork(workerEnv);
    workers.add(worker);
    worker.on("exit", (code, signal) => {
      workers.delete(worker);
      if (stopping) return;
      log(`应用进程意外退出（${signal ? `信号 ${signal}` : `退出码 ${code}`}），正在停止`);
      void shutdown(code || 1);
    });
  }
}

try {
  await main();
} catch (error) {
  if (!stopping) {
    reportFailure(error, { prefix: `${PREFIX} 启动失败：`, dataDir: dataDirForLogs() });
    await shutdown(1);
  }
}
