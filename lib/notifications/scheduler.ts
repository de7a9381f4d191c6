// Runs the alerts in the web server's process (started from instrumentation.ts): generateNotifications
// at start and every hour, and the email digest once a day from 08:00 Beijing time. One scheduler per
// process; a second start is ignored.
//
// However many app instances run, one pass runs at a time: a pass first elects itself through a
// transaction-level PostgreSQL advisory lock (pg_try_advisory_xact_lock, held by a transaction that
// stays open for the pass, so it also works through PgBouncer in transaction pooling) and an instance
// that is not elected tries again at its next check. Under the lock the digest re-reads when it was
// last sent, so it goes out once a day; generation is idempotent besides.
import "server-only";
import { db } from "../db";
import { getEnv } from "../env";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { todayInShanghai } from "../today";
import { isDigestDue, smtpSettingsFrom } from "./digest-email";
import { sendDailyDigest, type DigestTransport } from "./digest";
import { generateNotifications } from "./generate";
import { findLastDigestSentAt } from "./queries";

const GENERATION_INTERVAL_MS = 60 * 60 * 1000;
/** The scheduler's advisory lock key (lib/runtime uses 72707369 and 72707400). */
const SCHEDULER_LOCK_KEY = 72_707_401;
/** A pass (generation and the digest's emails) may take this long while it holds the election. */
const PASS_LIMIT_MS = 30 * 60 * 1000;
/** How often the scheduler wakes up to see whether generation or the digest is due. */
const CHECK_INTERVAL_MS = 5 * 60 * 1000;

const log = (message: string) => console.log(`[notifications] ${message}`);

export interface SchedulerState {
  running: boolean;
  lastGeneratedAt: number | null;
  lastDigestDay: IsoDate | null;
  /** A digest that failed as a whole (e.g. the database) is retried hourly, not at every check. */
  lastDigestAttemptAt: number | null;
}

interface RunningScheduler {
  timer: ReturnType<typeof setInterval>;
  state: SchedulerState;
}

const globalForScheduler = globalThis as unknown as { gongkaiNotificationScheduler?: RunningScheduler };

export function createSchedulerState(): SchedulerState {
  return { running: false, lastGeneratedAt: null, lastDigestDay: null, lastDigestAttemptAt: null };
}

/** Runs `work` if this instance wins the election; false when another instance's pass is running. */
async function asElectedRunner(work: () => Promise<void>): Promise<boolean> {
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ elected: boolean }[]>`select pg_try_advisory_xact_lock(${SCHEDULER_LOCK_KEY}::bigint) as elected`;
      if (!row?.elected) return false;
      // The lock's transaction waits, idle, while the pass works on other connections.
      await tx.$executeRaw`set local idle_in_transaction_session_timeout = 0`;
      await work();
      return true;
    },
    { maxWait: 10_000, timeout: PASS_LIMIT_MS },
  );
}

export type SchedulerPassResult = "idle" | "ran" | "not_elected";

/**
 * One check of the scheduler: generation when an hour has passed, the digest when it is due; nothing
 * when another instance holds the election. Exported for the tests (two instances side by side).
 */
export async function runSchedulerPass({
  state,
  now = new Date(),
  transport,
}: {
  state: SchedulerState;
  now?: Date;
  /** Defaults to SMTP from the environment. */
  transport?: DigestTransport;
}): Promise<SchedulerPassResult> {
  const today = todayInShanghai(now);
  const env = getEnv();
  const smtp = smtpSettingsFrom(env);
  const generationDue = state.lastGeneratedAt === null || now.getTime() - state.lastGeneratedAt >= GENERATION_INTERVAL_MS;
  const retryWaitOver = state.lastDigestAttemptAt === null || now.getTime() - state.lastDigestAttemptAt >= GENERATION_INTERVAL_MS;
  const digestDue = Boolean(smtp) && retryWaitOver && isDigestDue({ now, lastDigestDay: state.lastDigestDay, lastSentAt: null });
  if (!generationDue && !digestDue) return "idle";

  const elected = await asElectedRunner(async () => {
    if (generationDue) {
      const calendar = await loadWorkCalendar();
      const generated = await generateNotifications({ today, calendar });
      state.lastGeneratedAt = now.getTime();
      if (generated.created > 0) log(`已生成 ${generated.created} 条新提醒（检查在办案件 ${generated.candidates} 件）`);
    }
    if (digestDue) {
      state.lastDigestAttemptAt = now.getTime();
      // Read under the lock: a digest another instance sent today is seen here.
      const lastSentAt = await findLastDigestSentAt();
      if (isDigestDue({ now, lastDigestDay: state.lastDigestDay, lastSentAt })) {
        const digest = await sendDailyDigest({ smtp, today, appUrl: env.NEXTAUTH_URL, now, transport });
        log(`每日提醒邮件：发送 ${digest.sent} 封（含提醒 ${digest.notifications} 条），失败 ${digest.failed} 封`);
      }
      state.lastDigestDay = today;
    }
  });
  return elected ? "ran" : "not_elected";
}

async function tick(state: SchedulerState): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    await runSchedulerPass({ state });
  } catch (error) {
    console.error("[notifications] 提醒任务失败，将在下次检查时重试", error);
  } finally {
    state.running = false;
  }
}

/**
 * Starts the scheduler of this process (once; later calls return the same stop function). The first
 * check runs right away, in the background: the server does not wait for it.
 */
export function startNotificationScheduler(): () => void {
  const stop = () => {
    const current = globalForScheduler.gongkaiNotificationScheduler;
    if (current) clearInterval(current.timer);
    globalForScheduler.gongkaiNotificationScheduler = undefined;
  };
  if (globalForScheduler.gongkaiNotificationScheduler) return stop;
  const state = createSchedulerState();
  const timer = setInterval(() => void tick(state), CHECK_INTERVAL_MS);
  // Never keeps a process alive on its own (scripts, tests).
  timer.unref();
  globalForScheduler.gongkaiNotificationScheduler = { timer, state };
  setTimeout(() => void tick(state), 0).unref();
  log("提醒任务已启动：每小时生成提醒，每日 8 时后发送提醒邮件（已配置 SMTP 时）");
  return stop;
}
