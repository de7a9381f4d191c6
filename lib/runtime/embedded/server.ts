// The embedded PostgreSQL process: initdb on first start, the server in its own process group (so
// that Ctrl-C reaches the owner, which stops the app first and then the database), its output in
// DATA_DIR/logs/postgresql.log (rotated at 10 MB, five old files kept), and, when supervised, a
// restart after an unexpected exit with a back-off of 1, 2, 4 … 30 s and the reason in the log.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createStream, type RotatingFileStream } from "rotating-file-stream";
import { childProcessEnv } from "../../env";
import { RuntimeFailure } from "../failure";
import type { EmbeddedPlacement } from "./placement";

export const POSTGRES_LOG_FILE = "postgresql.log";

/** The longest socket path the kernel takes (sun_path: 108 bytes with the final NUL). */
const MAX_SOCKET_PATH_BYTES = 107;

/** Where PostgreSQL puts its Unix socket for `port` in `directory`. */
export function embeddedSocketPath(directory: string, port: number): string {
  return path.join(directory, `.s.PGSQL.${port}`);
}

/**
 * The folder of the embedded server's Unix socket: its own data directory (the postgres user writes
 * there in every placement), unless the socket's path would be too long for the kernel; then it
 * listens on TCP alone. The app connects through the socket when there is one (lib/runtime/database.ts):
 * a query's round trip over loopback TCP cost the app a fifth more CPU (ADR 0074).
 */
export function embeddedSocketDirectory(clusterDir: string, port: number): string | undefined {
  return Buffer.byteLength(embeddedSocketPath(clusterDir, port)) <= MAX_SOCKET_PATH_BYTES ? clusterDir : undefined;
}
const READY_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 60_000;
const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];
/** A server that ran this long without dying starts its back-off from the beginning again. */
const STABLE_AFTER_MS = 60_000;

export interface EmbeddedServerOptions {
  placement: EmbeddedPlacement;
  port: number;
  superuser: { user: string; password: string };
  logDir: string;
  log(message: string): void;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `信号 ${signal}` : `退出码 ${code}`;
}

export class EmbeddedServer {
  private child: ChildProcess | undefined;
  private stopping = false;
  private supervised = false;
  private restartAttempt = 0;
  private startedAt = 0;
  private restartTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly recentLines: string[] = [];
  private readonly logStream: RotatingFileStream;

  constructor(private readonly options: EmbeddedServerOptions) {
    mkdirSync(options.logDir, { recursive: true });
    this.logStream = createStream(POSTGRES_LOG_FILE, { path: options.logDir, size: "10M", rotate: 5, mode: 0o600 });
    this.logStream.on("error", () => undefined);
  }

  get logFile(): string {
    return path.join(this.options.logDir, POSTGRES_LOG_FILE);
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Our own lines in the PostgreSQL log, so that a restart's reason sits beside the server's output. */
  private note(message: string): void {
    this.logStream.write(`${new Date().toISOString()} [gongkai] ${message}\n`);
  }

  private record(chunk: Buffer): void {
    this.logStream.write(chunk);
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      this.recentLines.push(line.trim());
      if (this.recentLines.length > 20) this.recentLines.shift();
    }
  }

  private lastError(): string | undefined {
    return [...this.recentLines].reverse().find((line) => /FATAL|PANIC|ERROR|could not|failed/i.test(line));
  }

  /** initdb into a staging folder renamed into place, so that a kill during initdb leaves nothing half made. */
  async initialiseIfNeeded(): Promise<boolean> {
    const { clusterDir, runAs, binDir } = this.options.placement;
    if (existsSync(path.join(clusterDir, "PG_VERSION"))) return false;
    if (existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
      throw new RuntimeFailure(`内置数据库的数据目录 ${clusterDir} 不是空目录，也不是 PostgreSQL 数据目录：请移走其中的文件后重试`);
    }
    const staging = `${clusterDir}.initdb-${process.pid}`;
    const passwordFile = path.join(os.tmpdir(), `gongkai-initdb-${process.pid}-${Date.now()}`);
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true, mode: 0o700 });
    writeFileSync(passwordFile, `${this.options.superuser.password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(staging, runAs.uid, runAs.gid);
      chownSync(passwordFile, runAs.uid, runAs.gid);
    }
    this.note(`初始化数据目录 ${clusterDir}`);
    try {
      const result = spawnSync(
        path.join(binDir, "initdb"),
        [
          `--pgdata=${staging}`,
          "--auth=scram-sha-256",
          `--username=${this.options.superuser.user}`,
          `--pwfile=${passwordFile}`,
          "--encoding=UTF8",
          "--locale=C.UTF-8",
          "--lc-messages=C",
        ],
        { ...(runAs ?? {}), encoding: "utf8", env: childProcessEnv({ LC_ALL: "C.UTF-8" }) },
      );
      this.logStream.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
      if (result.status !== 0) {
        const reason = result.error?.message ?? (result.stderr || "").trim().split("\n").pop() ?? "";
        throw new RuntimeFailure(`内置数据库初始化失败（详见 ${this.logFile}）：${reason.slice(0, 200)}`);
      }
      rmSync(clusterDir, { recursive: true, force: true });
      renameSync(staging, clusterDir);
    } finally {
      rmSync(passwordFile, { force: true });
      rmSync(staging, { recursive: true, force: true });
    }
    return true;
  }

  /** Starts the server and resolves once it accepts connections. */
  async start(): Promise<void> {
    const { clusterDir, runAs, binDir } = this.options.placement;
    this.stopping = false;
    this.recentLines.length = 0;
    const child = spawn(
      path.join(binDir, "postgres"),
      [
        "-D",
        clusterDir,
        "-p",
        String(this.options.port),
        "-c",
        "listen_addresses=127.0.0.1",
        "-c",
        `unix_socket_directories=${embeddedSocketDirectory(clusterDir, this.options.port) ?? ""}`,
        "-c",
        "timezone=Asia/Shanghai",
        "-c",
        "log_timezone=Asia/Shanghai",
        "-c",
        "lc_messages=C",
        // A search for a frequent word at 1,000,000 cases builds a bitmap of its index entries: in the
        // default 4 MB it goes lossy and PostgreSQL rechecks whole pages by recomputing the bigrams of
        // every case on them (395 ms); in 16 MB it stays exact (73 ms). ADR 0085.
        "-c",
        "work_mem=16MB",
      ],
      { ...(runAs ?? {}), detached: true, stdio: ["ignore", "pipe", "pipe"], env: childProcessEnv({ LC_ALL: "C.UTF-8" }) },
    );
    this.child = child;
    child.stdout?.on("data", (chunk: Buffer) => this.record(chunk));
    child.stderr?.on("data", (chunk: Buffer) => this.record(chunk));
    let exited: string | undefined;
    child.on("error", (error) => {
      exited = error.message;
    });
    child.on("exit", (code, signal) => {
      exited = describeExit(code, signal);
      if (this.child === child) this.child = undefined;
      this.onExit(code, signal);
    });

    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (exited !== undefined) throw this.startFailure(exited);
      if (await this.acceptsConnections()) {
        this.startedAt = Date.now();
        this.note(`已启动（进程 ${child.pid}，端口 ${this.options.port}）`);
        return;
      }
      await sleep(200);
    }
    await this.stop();
    throw new RuntimeFailure(`内置数据库在 ${READY_TIMEOUT_MS / 1000} 秒内未能就绪（详见 ${this.logFile}）`);
  }

  private startFailure(exit: string): RuntimeFailure {
    const lines = this.recentLines.join("\n");
    if (/Address already in use|could not bind|could not create any TCP\/IP sockets/i.test(lines)) {
      return new RuntimeFailure(`端口 ${this.options.port} 已被其他程序占用：请设置 EMBEDDED_DATABASE_PORT 为空闲端口后重试`);
    }
    if (/lock file "postmaster.pid" already exists/i.test(lines)) {
      return new RuntimeFailure(`内置数据库的数据目录 ${this.options.placement.clusterDir} 正由另一个 PostgreSQL 进程使用：请先停止它`);
    }
    if (/Permission denied/i.test(lines)) {
      return new RuntimeFailure(`内置数据库无权访问数据目录 ${this.options.placement.clusterDir}：请检查该目录及其上级目录的权限（详见 ${this.logFile}）`);
    }
    const reason = this.lastError() ?? exit;
    return new RuntimeFailure(`内置数据库无法启动（${exit}，详见 ${this.logFile}）：${reason.slice(0, 200)}`);
  }

  private async acceptsConnections(): Promise<boolean> {
    const client = new pg.Client({
      host: "127.0.0.1",
      port: this.options.port,
      user: this.options.superuser.user,
      password: this.options.superuser.password,
      database: "postgres",
      connectionTimeoutMillis: 1_000,
    });
    client.on("error", () => undefined);
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

  /** From now on an unexpected exit is followed by a restart (npm start owns the database). */
  supervise(): void {
    this.supervised = true;
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    // An exit before the server was ready is start()'s failure, reported by its caller.
    if (this.stopping || !this.supervised || this.startedAt === 0) return;
    const ranFor = Date.now() - this.startedAt;
    this.startedAt = 0;
    if (ranFor >= STABLE_AFTER_MS) this.restartAttempt = 0;
    const reason = this.lastError();
    this.scheduleRestart(`内置数据库意外退出（${describeExit(code, signal)}${reason ? `；${reason}` : ""}）`);
  }

  private scheduleRestart(reason: string): void {
    const wait = BACKOFF_MS[Math.min(this.restartAttempt, BACKOFF_MS.length - 1)] ?? 30_000;
    this.restartAttempt += 1;
    const message = `${reason}，${wait / 1000} 秒后第 ${this.restartAttempt} 次重新启动`;
    this.note(message);
    this.options.log(message);
    this.restartTimer = setTimeout(() => void this.restart(), wait);
  }

  private async restart(): Promise<void> {
    this.restartTimer = undefined;
    if (this.stopping) return;
    try {
      await this.start();
      this.options.log(`内置数据库已重新启动（进程 ${this.child?.pid}）`);
    } catch (error) {
      if (!this.stopping) this.scheduleRestart(`内置数据库重新启动失败：${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Fast shutdown (SIGINT): open transactions roll back, committed data is kept. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = undefined;
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      const within = async (ms: number) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const done = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)))]);
        clearTimeout(timer);
        return done;
      };
      child.kill("SIGINT");
      if (!(await within(STOP_TIMEOUT_MS))) {
        child.kill("SIGQUIT");
        if (!(await within(10_000))) child.kill("SIGKILL");
      }
      this.note("已停止");
    }
    this.child = undefined;
  }

  /** Closes the log once the server has stopped for good. */
  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.logStream.end(() => resolve()));
  }
}

/** Stops a PostgreSQL server that no live process of ours owns (its owner was killed), by its PID file. */
export async function stopOrphanServer(clusterDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  const pid = readPostmasterPid(pidFile);
  if (!pid) return;
  log(`停止遗留的内置数据库进程 ${pid}（启动它的进程已不存在）…`);
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return;
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (Date.now() < deadline && processAlive(pid)) await sleep(200);
  if (processAlive(pid)) {
    process.kill(pid, "SIGQUIT");
    await sleep(2_000);
  }
}

function readPostmasterPid(pidFile: string): number | undefined {
  try {
    const first = Number(readFileSync(pidFile, "utf8").split("\n")[0]?.trim());
    return Number.isInteger(first) && first > 0 ? first : undefined;
  } catch {
    return undefined;
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}
