// npm start: opens the database (the embedded PostgreSQL in DATA_DIR when DATABASE_URL is unset),
// applies pending migrations, seeds the demo organization into an empty database, builds the app
// when its sources changed, and serves the production build. Ctrl-C stops the app, then the database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { childProcessEnv, getEnv, useDatabaseUrl } from "../lib/env";
import { openDatabase } from "../lib/runtime/database";
import { applyMigrations } from "../lib/runtime/migrate";
import { buildIsCurrent, recordBuildFingerprint } from "../lib/runtime/build-fingerprint";

const env = getEnv();
const log = (message: string) => console.log(`[gongkai] ${message}`);

function localSecret(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

function run(command: string, args: string[], childEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: childEnv });
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

const database = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.DATA_DIR,
  port: env.EMBEDDED_DATABASE_PORT,
  log,
});

let app: ChildProcess | undefined;
let stopping = false;
async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (app && app.exitCode === null) {
      log("正在停止应用 …");
      app.kill("SIGTERM");
      await new Promise((resolve) => app?.once("exit", resolve));
    }
    if (database.owned) {
      log("正在停止内置数据库 …");
      await database.stop();
    }
  }
  process.exit(code);
}
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

try {
  const childEnv = childProcessEnv({
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: env.NEXTAUTH_SECRET ?? localSecret(env.DATA_DIR),
    AUTH_TRUST_HOST: env.NEXTAUTH_URL ? (env.AUTH_TRUST_HOST ? "true" : undefined) : "true",
  });
  useDatabaseUrl(database.url);

  log("应用数据库迁移 …");
  await applyMigrations(database.url, { quiet: true });
  // The demo accounts' passwords are public: never on an external (production) database.
  if (env.SEED_DEMO && env.DATABASE_URL) {
    log("已设置 DATABASE_URL：不创建演示数据（SEED_DEMO 只对内置数据库有效）");
  } else if (env.SEED_DEMO) {
    const { seedDemoDataIfEmpty } = await import("../prisma/seed");
    if (await seedDemoDataIfEmpty({ embeddedDatabase: true })) log("数据库为空：已创建示例机构 demo（示例市司法局）及三个演示账户");
  }

  if (!env.SKIP_BUILD && !buildIsCurrent()) {
    log("源代码有变化，正在构建生产版本（首次约需 1–2 分钟）…");
    if ((await run(process.execPath, ["scripts/generate-client.mjs"], childEnv)) !== 0) throw new Error("生成数据库客户端失败");
    const code = await run(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], childEnv);
    if (code !== 0) throw new Error(`构建失败（next build 退出码 ${code}）`);
    recordBuildFingerprint();
  }

  log(`启动服务：http://localhost:${env.PORT}`);
  app = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", String(env.PORT)], {
    stdio: "inherit",
    env: childEnv,
  });
  app.on("exit", (code) => {
    if (!stopping) void shutdown(code ?? 1);
  });
} catch (error) {
  if (stopping) process.exit(0);
  console.error(`[gongkai] 启动失败：${error instanceof Error ? error.message : String(error)}`);
  await shutdown(1);
}
