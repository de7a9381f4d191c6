// Opens the database the app runs on: DATABASE_URL when set, otherwise the embedded PostgreSQL whose
// credentials live in DATA_DIR (ADR 0030). Used by the start script, the CLI, db:migrate and the
// tests; never by request handling.
//
// One owner for the embedded database. The process that starts it owns it and is the only one that
// stops it:
// - a "server" (npm start, npm run dev) owns it for its whole life, supervises it and refuses to start
//   when another live server already owns it; it waits while a command owns it, and takes over a
//   server left behind by a killed owner;
// - a "command" (the CLI, db:migrate) joins a running database, holding a shared advisory lock until
//   it ends, and starts (and later stops) its own only when none runs.
// An owner stops the database only once no joined command holds the lock (a server waits at most
// 30 s), so a command never loses its database to a shorter-lived process, and the app never runs
// on a database that a command owns.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { getEnv } from "../env";
import lockfile from "proper-lockfile";
import { RuntimeFailure, technicalText } from "./failure";
import { resolvePlacement, SYSTEM_DATA_ROOT } from "./embedded/placement";
import { EmbeddedServer, embeddedSocketDirectory, embeddedSocketPath, processAlive, stopOrphanServer } from "./embedded/server";
import { EMBEDDED_APP_ROLE, EMBEDDED_OWNER_ROLE, ensureEmbeddedRoles } from "./roles";

export type DatabaseUserKind = "server" | "command";

export interface OpenDatabase {
  /** The app's connection: the role without DDL (gongkai_app in the embedded database). */
  url: string;
  /** The owner's connection: migrations, restore, privileges. */
  ownerUrl: string;
  /** A role that may create and drop a scratch database (backup verification), when known. */
  adminUrl?: string;
  /** True for the embedded PostgreSQL. */
  embedded: boolean;
  /** True when this process started the embedded server and stops it. */
  owned: boolean;
  stop(): Promise<void>;
}

export interface OpenDatabaseOptions {
  databaseUrl?: string;
  migrationDatabaseUrl?: string;
  dataDir: string;
  port: number;
  /** EMBEDDED_DATABASE_DIR */
  clusterDir?: string;
  /** Default "command". */
  kind?: DatabaseUserKind;
  log?: (message: string) => void;
}

interface EmbeddedCredentials {
  /** The cluster's superuser (kept from the first start; only this module connects as it). */
  user: string;
  password: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
  /** Where the cluster lives when not in DATA_DIR/postgres. */
  clusterDir?: string;
}

interface OwnerRecord {
  pid: number;
  kind: DatabaseUserKind;
  port: number;
  startedAt: string;
}

const DATABASE_NAME = "gongkai";
/** Shared by every command using an embedded database it does not own; the owner takes it exclusively to stop. */
const USERS_LOCK_KEY = 72_707_400;
const SERVER_STOP_WAIT_MS = 30_000;

const secret = () => randomBytes(18).toString("base64url");

function credentialsFile(dataDir: string): string {
  return path.join(dataDir, "embedded-postgres.json");
}

function loadOrCreateCredentials(dataDir: string): EmbeddedCredentials {
  const file = credentialsFile(dataDir);
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<EmbeddedCredentials>) : {};
  const credentials: EmbeddedCredentials = {
    user: stored.user ?? "postgres",
    password: stored.password ?? secret(),
    database: stored.database ?? DATABASE_NAME,
    ownerPassword: stored.ownerPassword ?? secret(),
    appPassword: stored.appPassword ?? secret(),
    clusterDir: stored.clusterDir,
  };
  if (JSON.stringify(stored) !== JSON.stringify(credentials)) saveCredentials(dataDir, credentials);
  return credentials;
}

function saveCredentials(dataDir: string, credentials: EmbeddedCredentials): void {
  writeFileSync(credentialsFile(dataDir), `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}

function urlFor(port: number, user: string, password: string, database: string): string {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}

/**
 * The app's connection: through the embedded server's Unix socket when the server has made one
 * (embeddedSocketDirectory; a server started by an earlier version listens on TCP alone), else TCP.
 * Only the app's: the owner's and the superuser's connections (migrations, commands) stay on TCP.
 */
function appUrlFor(clusterDir: string, port: number, credentials: EmbeddedCredentials): string {
  const directory = embeddedSocketDirectory(clusterDir, port);
  if (!directory || !existsSync(embeddedSocketPath(directory, port))) {
    return urlFor(port, EMBEDDED_APP_ROLE, credentials.appPassword, credentials.database);
  }
  // node-postgres takes a host beginning with "/" as the socket's folder; the port names the socket.
  const url = new URL(urlFor(port, EMBEDDED_APP_ROLE, credentials.appPassword, credentials.database));
  url.hostname = "localhost";
  url.searchParams.set("host", directory);
  return url.toString();
}

function ownerFile(dataDir: string): string {
  return path.join(dataDir, "embedded-postgres.owner.json");
}

function readOwner(dataDir: string): (OwnerRecord & { alive: boolean }) | undefined {
  try {
    const record = JSON.parse(readFileSync(ownerFile(dataDir), "utf8")) as OwnerRecord;
    return { ...record, alive: record.pid !== process.pid && processAlive(record.pid) };
  } catch {
    return undefined;
  }
}

type Probe = "ours" | "down";

/** Whether our embedded server answers on the port; something else there is a clear failure. */
async function probe(port: number, superuserUrl: string): Promise<Probe> {
  const client = new pg.Client({ connectionString: superuserUrl, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("select 1");
    return "ours";
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "57P03" || code === "57P01" || code === "ECONNRESET") return "down";
    if (/terminat|shutting down|starting up/i.test(technicalText(error))) return "down";
    throw new RuntimeFailure(`端口 ${port} 上运行的不是本项目的内置数据库：请设置 EMBEDDED_DATABASE_PORT 为空闲端口后重试`, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A command's claim on a database it joined: released when the connection closes. */
async function holdSharedLock(superuserUrl: string): Promise<pg.Client | undefined> {
  const client = new pg.Client({ connectionString: superuserUrl, connectionTimeoutMillis: 2_000, application_name: "gongkai-command" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("set lock_timeout = '10s'");
    await client.query("select pg_advisory_lock_shared($1)", [USERS_LOCK_KEY]);
    return client;
  } catch {
    await client.end().catch(() => undefined);
    return undefined;
  }
}

/** Waits until no command holds the shared lock (or `maxWaitMs` passed); keeps the lock while stopping. */
async function waitForCommands(superuserUrl: string, maxWaitMs: number, log: (message: string) => void): Promise<void> {
  const client = new pg.Client({ connectionString: superuserUrl, connectionTimeoutMillis: 2_000 });
  client.on("error", () => undefined);
  try {
    await client.connect();
    const deadline = Date.now() + maxWaitMs;
    let told = false;
    for (;;) {
      const result = await client.query<{ free: boolean }>("select pg_try_advisory_lock($1) as free", [USERS_LOCK_KEY]);
      if (result.rows[0]?.free) return;
      if (Date.now() >= deadline) {
        log("命令行工具仍在使用内置数据库，不再等待");
        return;
      }
      if (!told) log("等待正在使用内置数据库的命令行工具结束 …");
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } catch {
    // The server is already gone: nothing to wait for.
  } finally {
    // Left open on purpose until the server stops: a command that joins now waits and then retries.
    setTimeout(() => void client.end().catch(() => undefined), 60_000).unref();
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<OpenDatabase> {
  const log = options.log ?? (() => undefined);
  if (options.databaseUrl) {
    const ownerUrl = options.migrationDatabaseUrl ?? options.databaseUrl;
    return { url: options.databaseUrl, ownerUrl, adminUrl: ownerUrl, embedded: false, owned: false, stop: async () => undefined };
  }
  return openEmbeddedDatabase({ ...options, kind: options.kind ?? "command", log });
}

async function openEmbeddedDatabase(options: OpenDatabaseOptions & { kind: DatabaseUserKind; log: (message: string) => void }): Promise<OpenDatabase> {
  const { kind, log, port } = options;
  const dataDir = path.resolve(options.dataDir);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new RuntimeFailure(`无法创建数据目录 ${dataDir}：请检查权限，或设置 DATA_DIR 为可写的位置`, error);
  }
  const startLock = path.join(dataDir, "embedded-postgres.json");
  const lock = () => lockfile.lock(startLock, { realpath: false, stale: 30_000, retries: { retries: 600, minTimeout: 200, maxTimeout: 1_000 } });
  // Under the lock: two first starts must not write two different sets of passwords.
  const releaseForCredentials = await lock();
  let credentials: EmbeddedCredentials;
  try {
    credentials = loadOrCreateCredentials(dataDir);
  } finally {
    await releaseForCredentials().catch(() => undefined);
  }
  const superuserUrl = urlFor(port, credentials.user, credentials.password, "postgres");
  const urls = {
    url: urlFor(port, EMBEDDED_APP_ROLE, credentials.appPassword, credentials.database),
    ownerUrl: urlFor(port, EMBEDDED_OWNER_ROLE, credentials.ownerPassword, credentials.database),
    adminUrl: urlFor(port, credentials.user, credentials.password, credentials.database),
    embedded: true as const,
  };
  let toldWaiting = false;

  for (;;) {
    let next: "wait" | "join" | OpenDatabase;
    const release = await lock();
    try {
      const state = await probe(port, superuserUrl);
      const owner = readOwner(dataDir);
      const liveServer = owner?.alive && owner.kind === "server";
      if (kind === "server" && liveServer) {
        throw new RuntimeFailure(
          `本数据目录的内置数据库已由另一个 npm start（进程 ${owner.pid}）运行：同一数据目录只能运行一个 npm start，多个实例请使用外部数据库（见 docs/operations.md 第 9 节）`,
        );
      }
      if (state === "ours") {
        if (kind === "command") next = "join";
        else if (owner?.alive) next = "wait";
        else {
          // Left behind by an owner that was killed: take it over once no command uses it.
          await waitForCommands(superuserUrl, SERVER_STOP_WAIT_MS, log);
          await stopOrphanServer(clusterDirOf(dataDir, credentials, options.clusterDir), log);
          next = await startOwnServer({ ...options, dataDir, credentials, superuserUrl, urls });
        }
      } else if (kind === "command" && liveServer) {
        // Its server is being restarted by its supervisor: wait for it rather than start a second.
        next = "wait";
      } else {
        next = await startOwnServer({ ...options, dataDir, credentials, superuserUrl, urls });
      }
    } finally {
      await release().catch(() => undefined);
    }

    if (next === "join") {
      const holder = await holdSharedLock(superuserUrl);
      if (holder) {
        log(`使用已在运行的内置数据库（端口 ${port}）`);
        let released = false;
        return {
          ...urls,
          url: appUrlFor(clusterDirOf(dataDir, credentials, options.clusterDir), port, credentials),
          owned: false,
          async stop() {
            if (released) return;
            released = true;
            await holder.end().catch(() => undefined);
          },
        };
      }
    } else if (next === "wait") {
      if (!toldWaiting) log(kind === "server" ? "内置数据库正由命令行工具使用，等待其结束后启动 …" : "内置数据库正在重新启动，等待其就绪 …");
      toldWaiting = true;
    } else {
      return next;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

function clusterDirOf(dataDir: string, credentials: EmbeddedCredentials, configured?: string): string {
  return configured ? path.resolve(configured) : (credentials.clusterDir ?? path.join(dataDir, "postgres"));
}

async function startOwnServer(options: {
  dataDir: string;
  port: number;
  kind: DatabaseUserKind;
  clusterDir?: string;
  log: (message: string) => void;
  credentials: EmbeddedCredentials;
  superuserUrl: string;
  urls: Omit<OpenDatabase, "owned" | "stop">;
}): Promise<OpenDatabase> {
  const { dataDir, credentials, log, kind } = options;
  const placement = resolvePlacement({ dataDir, configuredClusterDir: options.clusterDir, recordedClusterDir: credentials.clusterDir });
  if (!options.clusterDir && placement.clusterDir !== path.join(dataDir, "postgres") && credentials.clusterDir !== placement.clusterDir) {
    saveCredentials(dataDir, { ...credentials, clusterDir: placement.clusterDir });
  }
  for (const note of placement.notes) log(note);

  const server = new EmbeddedServer({
    placement,
    port: options.port,
    superuser: { user: credentials.user, password: credentials.password },
    logDir: path.join(dataDir, "logs"),
    log,
  });
  if (await server.initialiseIfNeeded()) log(`首次启动：已初始化内置 PostgreSQL 数据目录 ${placement.clusterDir}`);
  await server.start();
  const record: OwnerRecord = { pid: process.pid, kind, port: options.port, startedAt: new Date().toISOString() };
  writeFileSync(ownerFile(dataDir), `${JSON.stringify(record)}\n`, { mode: 0o600 });
  try {
    await ensureEmbeddedRoles(options.superuserUrl, {
      database: credentials.database,
      ownerPassword: credentials.ownerPassword,
      appPassword: credentials.appPassword,
    });
  } catch (error) {
    await server.stop();
    await server.close();
    rmSync(ownerFile(dataDir), { force: true });
    throw new RuntimeFailure(`无法在内置数据库中设置账户与权限（详见 ${server.logFile}）`, error);
  }
  if (kind === "server") server.supervise();
  log(`内置数据库已启动（端口 ${options.port}，数据目录 ${placement.clusterDir}，日志 ${server.logFile}）`);

  let stopped = false;
  return {
    ...options.urls,
    url: appUrlFor(placement.clusterDir, options.port, credentials),
    owned: true,
    async stop() {
      if (stopped) return;
      stopped = true;
      await waitForCommands(options.superuserUrl, kind === "server" ? SERVER_STOP_WAIT_MS : Number.POSITIVE_INFINITY, log);
      await server.stop();
      await server.close();
      const current = readOwner(dataDir);
      if (!current || current.pid === process.pid) rmSync(ownerFile(dataDir), { force: true });
    },
  };
}

/** The database lib/env.ts describes: DATABASE_URL (and MIGRATION_DATABASE_URL), or the embedded one. */
export async function openConfiguredDatabase(kind: DatabaseUserKind, log: (message: string) => void): Promise<OpenDatabase> {
  const env = getEnv();
  return openDatabase({
    databaseUrl: env.DATABASE_URL,
    migrationDatabaseUrl: env.MIGRATION_DATABASE_URL,
    dataDir: env.DATA_DIR,
    port: env.EMBEDDED_DATABASE_PORT,
    clusterDir: env.EMBEDDED_DATABASE_DIR,
    kind,
    log,
  });
}

/**
 * Deletes an embedded database's data folder and its cluster, also when that lives outside it
 * (tests, benchmarks and fault runs that start from nothing every time). Nothing may be running.
 */
export function removeEmbeddedData(dataDir: string): void {
  const resolved = path.resolve(dataDir);
  try {
    const { clusterDir } = JSON.parse(readFileSync(credentialsFile(resolved), "utf8")) as Partial<EmbeddedCredentials>;
    if (clusterDir && clusterDir.startsWith(`${SYSTEM_DATA_ROOT}/`)) rmSync(path.dirname(clusterDir), { recursive: true, force: true });
  } catch {
    // No credentials yet: nothing outside the folder.
  }
  rmSync(resolved, { recursive: true, force: true });
}
