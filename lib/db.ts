// The single Prisma client. Only lib/ (the data layer of each domain) and scripts import it; app/ and
// components/ never do.
//
// Waits are bounded (ADR 0034): the pool has DATABASE_POOL_SIZE connections, a request waits at most
// DATABASE_CONNECTION_WAIT_MS for one, and every connection runs with statement_timeout, lock_timeout
// and idle_in_transaction_session_timeout from lib/env.ts. A request that runs into one of these limits
// fails; lib/db-busy.ts recognizes that error, and the actions, pages and API answer it with
// 系统繁忙，请稍后重试 while the log says which limit was hit.
import "server-only";
import { PrismaClient, Prisma } from "@prisma/client";
import { PrismaPg } from "@prisma/adapter-pg";
import { createHash } from "node:crypto";
import pg from "pg";
import { getEnv, requireDatabaseUrl } from "./env";
import { busyReasonOf, setPoolStatisticsSource, type PoolStatistics } from "./db-busy";
import { adapterTimestamp } from "./db-timestamp";

function createPool(): pg.Pool {
  const env = getEnv();
  const options = [
    `-c statement_timeout=${env.DATABASE_STATEMENT_TIMEOUT_MS}`,
    `-c lock_timeout=${env.DATABASE_LOCK_TIMEOUT_MS}`,
    `-c idle_in_transaction_session_timeout=${env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS}`,
  ].join(" ");
  const pool = new pg.Pool({
    connectionString: requireDatabaseUrl(),
    max: env.DATABASE_POOL_SIZE,
    connectionTimeoutMillis: env.DATABASE_CONNECTION_WAIT_MS,
    idleTimeoutMillis: 30_000,
    application_name: "gongkai",
    ...(env.DATABASE_STARTUP_OPTIONS ? { options } : {}),
    // Scripts end when their work is done; the server keeps running anyway.
    allowExitOnIdle: true,
  });
  // A connection that breaks while idle (the database restarted) is dropped from the pool and
  // replaced on the next request; it must not crash the process.
  pool.on("error", (error) => console.error(`[db] 空闲连接中断：${error.message}`));
  return pool;
}

// One pool per process, also in production: Next.js may evaluate this module once per server bundle
// (pages, route handlers, auth), and DATABASE_POOL_SIZE must bound the process, not each bundle.
const globalForPrisma = globalThis as unknown as { gongkaiPrisma?: PrismaClient; gongkaiPool?: pg.Pool };

const pool: pg.Pool = (globalForPrisma.gongkaiPool ??= createPool());

function createClient(): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }), log: getEnv().NODE_ENV === "development" ? ["warn", "error"] : ["error"] });
}

export const db: PrismaClient = (globalForPrisma.gongkaiPrisma ??= createClient());

// Dates as Prisma's driver adapter writes and reads them (@prisma/adapter-pg): a Date parameter is sent
// as its UTC wall-clock time without an offset (so the database reads it in its session time zone), and
// a timestamp is read back with whatever offset the database prints replaced by UTC; a `date` is UTC
// midnight. readRows does the same, so that its comparisons and rows agree with what Prisma stored.
const TIMESTAMPTZ_OID = 1184;
const TIMESTAMP_OID = 1114;
const DATE_OID = 1082;

function asPrismaWritesIt(value: unknown): unknown {
  return value instanceof Date ? adapterTimestamp(value) : value;
}

const prismaCompatibleTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === TIMESTAMPTZ_OID || oid === TIMESTAMP_OID) {
      return (text: string) => new Date(`${text.replace(" ", "T").replace(/[+-]\d{2}(:\d{2}){0,2}$/, "")}Z`);
    }
    if (oid === DATE_OID) return (text: string) => new Date(`${text}T00:00:00Z`);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/**
 * A read outside any transaction, sent straight to the pool (node-postgres) instead of through Prisma.
 * For the statements every page runs (the session, the calendar's fingerprint, the bell): measured on
 * this machine, a Prisma query costs about 2–3 ms of CPU (compiled anew each time), `$queryRaw` about
 * 1 ms, this 0.2 ms (ADR 0095). The query is written with `Prisma.sql` (parameters, never concatenation).
 * Dates and timestamps behave as in Prisma (above); otherwise rows come as node-postgres returns them:
 * a bigint or numeric as a string (select counts as `::int`), an enum as its text.
 *
 * `prepared` (the default) names the statement (below). `prepared: false` sends it unnamed, so that
 * PostgreSQL plans it for its values every time: for a statement whose best plan depends on them (a
 * search word, a date range), which went through `$queryRaw` for that reason alone. Measured on the
 * list's page statement: 1.3–1.5 ms of the app's CPU per call through `$queryRaw`, 0.6 ms unnamed
 * through the pool (ADR 0100).
 */
export async function readRows<Row>(query: Prisma.Sql, { prepared = true }: { prepared?: boolean } = {}): Promise<Row[]> {
  const result = await pool.query({
    ...(prepared ? { name: preparedStatementName(query.text) } : {}),
    text: query.text,
    values: query.values.map(asPrismaWritesIt),
    types: prismaCompatibleTypes,
  });
  return result.rows as Row[];
}

/**
 * readRows's statements are prepared (named): each connection sends a statement's text and PostgreSQL
 * parses it once, and after five executions PostgreSQL may keep a generic plan instead of planning
 * again. Planning was most of these statements' cost (the session's 0.37 ms against 0.07 ms to run
 * it; about 2.5 ms of the case page's 3 ms in PostgreSQL, ADR 0074). That is safe because readRows
 * is only for fixed statements that find rows by key (an id, the organization and user): their best
 * plan does not depend on the values. A statement whose plan does (a search word, a date range over a
 * whole year) is sent with `prepared: false`, planned for its values every time.
 *
 * The name is the text's hash: node-postgres refuses one name for two texts on a connection.
 */
const preparedStatementNames = new Map<string, string>();

function preparedStatementName(text: string): string {
  let name = preparedStatementNames.get(text);
  if (name === undefined) {
    name = `gk_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    // The texts are the fixed statements of lib/ (a few dozen); the bound only guards memory.
    if (preparedStatementNames.size >= 1000) preparedStatementNames.clear();
    preparedStatementNames.set(text, name);
  }
  return name;
}

/** `t."a", t."b", …` for every scalar field Prisma's generated client knows of a model (`Prisma.<Model>ScalarFieldEnum`): a readRows statement reads what Prisma would, never `*`. */
export function columnsOf(alias: string, fields: Record<string, string>): Prisma.Sql {
  return Prisma.raw(
    Object.values(fields)
      .map((field) => `${alias}."${field}"`)
      .join(", "),
  );
}

/**
 * Runs a whole transaction (`run` opens it) again when PostgreSQL aborted it as one side of a deadlock:
 * the transaction was rolled back whole, so running it again from the start repeats every check on
 * what the other side committed. For the long transactions that change many rows in an order another
 * may cross (the batch actions: cases in id order, but the stored counts' rows in the order of their
 * months; ADR 0097). After `attempts` deadlocks the error goes on (系统繁忙，请稍后重试, lib/actions.ts).
 */
export async function withDeadlockRetry<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= attempts || busyReasonOf(error) !== "deadlock") throw error;
      console.error(`[db] 事务因死锁被数据库中止，第 ${attempt} 次重试`);
    }
  }
}

export function poolStatistics(): PoolStatistics {
  return { size: pool.options.max ?? 10, open: pool.totalCount, inUse: pool.totalCount - pool.idleCount, waiting: pool.waitingCount };
}
setPoolStatisticsSource(poolStatistics);

/** Closes the client and its pool (scripts and tests; the server keeps them for its life). */
export async function disconnectDatabase(): Promise<void> {
  await db.$disconnect();
  if (!pool.ended) await pool.end().catch(() => undefined);
  globalForPrisma.gongkaiPrisma = undefined;
  globalForPrisma.gongkaiPool = undefined;
}

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
