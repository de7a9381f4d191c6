// The only reader of process.env (architecture.md convention 8). Every variable is documented in
// .env.example; values are validated once, at first use. A `.env` file in the working directory is
// loaded first (variables already set in the environment win); empty values count as unset.
import { existsSync } from "node:fs";
import { z } from "zod";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** External PostgreSQL. When unset, the start scripts run the embedded PostgreSQL in DATA_DIR. */
  DATABASE_URL: z.string().min(1).optional(),
  /**
   * The owner role's URL for migrations, restore and the app role's privileges (docs/operations.md §2).
   * Unset: migrations use DATABASE_URL (one role for both, as before).
   */
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  /** Folder for local data: generated secrets, logs, attachments, the embedded database's credentials. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Port of the embedded PostgreSQL (loopback only). */
  EMBEDDED_DATABASE_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  /**
   * Where the embedded PostgreSQL keeps its cluster. Default: DATA_DIR/postgres, or, as root when the
   * postgres user cannot reach DATA_DIR, a folder under /var/lib/gongkai (recorded in DATA_DIR).
   */
  EMBEDDED_DATABASE_DIR: z.string().min(1).optional(),
  /** Connections in the app's pool (per app process). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  /** How long a request waits for a free connection before it is answered 系统繁忙，请稍后重试. */
  DATABASE_CONNECTION_WAIT_MS: z.coerce.number().int().min(100).max(120_000).default(5_000),
  /** PostgreSQL statement_timeout of the app's connections. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  /** PostgreSQL lock_timeout of the app's connections. */
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(5_000),
  /** PostgreSQL idle_in_transaction_session_timeout of the app's connections. */
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /**
   * Send the three timeouts as connection start-up options (default). Behind PgBouncer, which refuses
   * start-up options, set false and set them on the app role instead (docs/operations.md §9).
   */
  DATABASE_STARTUP_OPTIONS: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** `next start` processes npm start serves the app with, on one port (default: one per CPU core). ADR 0095. */
  APP_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Port of the web server. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Public base URL of the app, used by next-auth for redirects. */
  NEXTAUTH_URL: z.string().url().optional(),
  /** Trust the Host header for auth redirects when NEXTAUTH_URL is unset (read by next-auth itself). */
  AUTH_TRUST_HOST: booleanFlag,
  /** Secret that signs session tokens. Generated into DATA_DIR on first start when unset. */
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  /** Failed sign-ins in a row before an account is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Minutes an account stays locked after too many failed sign-ins. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Failed sign-ins from one source address, whatever the account, before that address must wait. */
  LOGIN_ADDRESS_MAX_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
  /** The window (minutes) the per-address count covers, and how long a blocked address waits. */
  LOGIN_ADDRESS_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: the app is reached directly). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  /** A session with no request for this many minutes is over. */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** A session is over this many hours after sign-in, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(8),
  /** Seed the demo organization and accounts into an empty embedded database (never with DATABASE_URL). */
  SEED_DEMO: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** Skip `next build` in npm start even when the sources changed (set in the Docker image). */
  SKIP_BUILD: booleanFlag,
  /** SMTP for the daily email digest; off while SMTP_HOST or SMTP_FROM is unset. */
  SMTP_HOST: z.string().min(1).optional(),
  /** 587 (STARTTLS) by default; 465 = implicit TLS. */
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  /** Sender, e.g. "政务公开办 <gongkai@example.gov.cn>". */
  SMTP_FROM: z.string().min(3).optional(),
  /** Largest attachment (案卷) accepted, in MB. */
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
  /**
   * S3-compatible object storage for attachments (MinIO, a cloud's OSS/COS/OBS): used when S3_BUCKET is
   * set; otherwise attachments are kept on the local disk under DATA_DIR/attachments.
   */
  S3_BUCKET: z.string().min(3).optional(),
  /** e.g. http://minio:9000; unset: the provider's default endpoint for S3_REGION. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (http://host/bucket/key), as MinIO needs; default on. */
  S3_FORCE_PATH_STYLE: z
    .enum(["true", "false", "1", "0"])
    .default("true")
    .transform((value) => value === "true" || value === "1"),
  /** Password for `npm run cli -- user create` (otherwise asked for at the terminal). */
  GONGKAI_NEW_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let parsed: Env | undefined;

export function getEnv(): Env {
  if (!parsed) {
    loadDotEnvFile();
    const present = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== undefined && value !== ""));
    const result = envSchema.safeParse(present);
    if (!result.success) {
      const details = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("；");
      throw new Error(`环境变量配置有误：${details}`);
    }
    parsed = result.data;
  }
  return parsed;
}

let dotEnvLoaded = false;

function loadDotEnvFile(): void {
  if (dotEnvLoaded) return;
  dotEnvLoaded = true;
  if (existsSync(".env")) process.loadEnvFile(".env");
}

/** The environment to pass to a child process, with DATABASE_URL set to the database in use. */
export function childProcessEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  return merged;
}

/** The database URL the app must use; the start scripts always set it before the app runs. */
export function requireDatabaseUrl(): string {
  const url = getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL 未设置：请用 npm start 启动（未设置时会自动启动内置数据库）");
  return url;
}

/** For the start scripts and tests: point this process at the database they opened. */
export function useDatabaseUrl(url: string): void {
  process.env.DATABASE_URL = url;
  parsed = undefined;
}

/** DATA_DIR for error logs: never throws, even when the environment itself is invalid. */
export function dataDirForLogs(): string {
  try {
    return getEnv().DATA_DIR;
  } catch {
    return ".data";
  }
}
