// Helpers of the fault runs: a real `npm start` (node --import tsx scripts/start.ts, as package.json
// runs it) in its own process group, so that a suite can stop it as Ctrl-C would or kill it outright;
// HTTP sign-in through next-auth's credentials endpoint; small database queries.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { childProcessEnv } from "../../lib/env";

export interface ServerOptions {
  port: number;
  databasePort: number;
  dataDir: string;
  /** Where the server's standard output and error go. */
  logFile: string;
  env?: Record<string, string | undefined>;
}

export interface RunningServer {
  baseUrl: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** Like Ctrl-C: the server stops the app, then its database. */
  stop(): Promise<void>;
  /** SIGKILL to the whole process group (npm start and the app; a detached database survives). */
  kill(): Promise<void>;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function until<T>(probe: () => Promise<T | undefined | false>, timeoutMs: number, intervalMs = 250): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe().catch(() => undefined);
    if (value) return value;
    await sleep(intervalMs);
  }
  return undefined;
}

export async function healthStatus(baseUrl: string, timeoutMs = 5_000): Promise<{ code: number; status?: string } | undefined> {
  try {
    const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    const body = (await response.json().catch(() => ({}))) as { status?: string };
    return { code: response.status, status: body.status };
  } catch {
    return undefined;
  }
}

export function startServer(options: ServerOptions): RunningServer {
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const output = createWriteStream(options.logFile, { flags: "a" });
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/server-only-hook.mjs", "scripts/start.ts"], {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: childProcessEnv({
      NODE_ENV: undefined,
      DATABASE_URL: undefined,
      MIGRATION_DATABASE_URL: undefined,
      DATA_DIR: options.dataDir,
      PORT: String(options.port),
      EMBEDDED_DATABASE_PORT: String(options.databasePort),
      ...options.env,
    }),
  });
  child.stdout?.pipe(output, { end: false });
  child.stderr?.pipe(output, { end: false });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // Already gone.
    }
  };
  return {
    baseUrl: `http://127.0.0.1:${options.port}`,
    process: child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      signalGroup("SIGINT");
      const done = await Promise.race([exited.then(() => true), sleep(90_000).then(() => false)]);
      if (!done) signalGroup("SIGKILL");
    },
    async kill() {
      signalGroup("SIGKILL");
      await exited;
    },
  };
}

export async function waitUntilHealthy(server: RunningServer, timeoutMs: number): Promise<boolean> {
  const healthy = await Promise.race([
    until(async () => (await healthStatus(server.baseUrl))?.status === "ok", timeoutMs, 500),
    server.exited.then(() => false),
  ]);
  return healthy === true;
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header of the session, or undefined. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string | undefined> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`, { signal: AbortSignal.timeout(15_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, username, password, callbackUrl: `${baseUrl}/`, json: "true" }),
    signal: AbortSignal.timeout(30_000),
  });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").find((cookie) => cookie.includes("session-token="));
  return session ? [...cookies, session].join("; ") : undefined;
}

export async function queryRows<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on("error", () => undefined);
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
