// Recognizes a database request that ran into one of the bounds set in lib/db.ts (the wait for a pool
// connection, statement_timeout, lock_timeout, idle_in_transaction_session_timeout) and answers it:
// the user reads 系统繁忙，请稍后重试, the log says which bound and how full the pool was. Free of the
// database client itself, so that any layer may import it.

export const BUSY_MESSAGE = "系统繁忙，请稍后重试";

export type BusyReason = "connection_wait" | "statement_timeout" | "lock_timeout" | "idle_in_transaction_timeout" | "deadlock";

const BUSY_REASON_LABELS: Record<BusyReason, string> = {
  connection_wait: "等待数据库连接超时（连接池已满）",
  statement_timeout: "语句执行超时（statement_timeout）",
  lock_timeout: "等待锁超时（lock_timeout）",
  idle_in_transaction_timeout: "事务空闲超时（idle_in_transaction_session_timeout）",
  deadlock: "事务间死锁，数据库中止了其中一个（deadlock detected）",
};

export interface PoolStatistics {
  /** DATABASE_POOL_SIZE */
  size: number;
  open: number;
  inUse: number;
  waiting: number;
}

let poolStatisticsSource: (() => PoolStatistics) | undefined;

/** lib/db.ts registers its pool, so that a busy answer's log line says how full it was. */
export function setPoolStatisticsSource(source: () => PoolStatistics): void {
  poolStatisticsSource = source;
}

function texts(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth += 1) {
    if (current instanceof Error) found.push(current.message);
    const record = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof record.code === "string") found.push(`code:${record.code}`);
    if (typeof record.originalCode === "string") found.push(`code:${record.originalCode}`);
    current = record.cause ?? record.meta?.driverAdapterError;
  }
  return found;
}

/**
 * Which bound an error ran into, if any. Prisma wraps the driver's errors (the pool's timeout, or
 * PostgreSQL's 57014, 55P03, 25P03 and 40P01), so messages and codes are looked for along the cause chain.
 * A deadlock is one too: PostgreSQL rolled the transaction back whole, and the same change tried again
 * (withDeadlockRetry in lib/db.ts) or later goes through.
 */
export function busyReasonOf(error: unknown): BusyReason | undefined {
  const joined = texts(error).join("\n");
  if (/timeout exceeded when trying to connect/i.test(joined)) return "connection_wait";
  if (/statement timeout|code:57014/i.test(joined)) return "statement_timeout";
  if (/lock timeout|code:55P03/i.test(joined)) return "lock_timeout";
  if (/idle-in-transaction timeout|code:25P03/i.test(joined)) return "idle_in_transaction_timeout";
  if (/deadlock detected|code:40P01/i.test(joined)) return "deadlock";
  return undefined;
}

/** Logs why a request was answered "busy" and returns the message to show. */
export function reportBusy(where: string, reason: BusyReason): string {
  const stats = poolStatisticsSource?.();
  const pool = stats ? `；连接池 ${stats.inUse}/${stats.size} 使用中，${stats.waiting} 个请求在等待` : "";
  console.error(`[db] ${where}：${BUSY_REASON_LABELS[reason]}${pool}`);
  return BUSY_MESSAGE;
}

export const OUTAGE_MESSAGE = "系统暂时无法访问数据库，请稍后重试；如持续出现，请联系系统管理员";

/**
 * For a page whose data could not be read: the Chinese sentence to show (busy, or the database
 * unreachable), with the reason in the log.
 */
export function describeOutage(where: string, error: unknown): string {
  const busy = busyReasonOf(error);
  if (busy) return reportBusy(where, busy);
  const text = error instanceof Error ? error.message : String(error);
  console.error(`[db] ${where}：数据库不可用：${text.replace(/\s+/g, " ").slice(-300)}`);
  return OUTAGE_MESSAGE;
}
