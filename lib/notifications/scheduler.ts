// Runs the alerts in the web server's process (started from instrumentation.ts): generateNotifications
// at start and every hour, and the email digest once a day from 08:00 Beijing time. One scheduler per
// process; a second start is ignored. Generation is idempotent and the digest claims each alert before
// sending it, so two app instances running this side by side send nothing twice.
import { getEnv } from "../env";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { todayInShanghai } from "../today";
import { isDigestDue, smtpSettingsFrom } from "./digest-email";
import { sendDailyDigest } from "./digest";
import { generateNotifications } from "./generate";
import { findLastDigestSentAt } from "./queries";

const GENERATION_INTERVAL_MS = 60 * 60 * 1000;
/** How often the scheduler wakes up to see whether generation or the digest is due. */
const CHECK_INTERVAL_MS = 5 * 60 * 1000;

const log = (message: string) => console.log(`[notifications] ${message}`);

interface SchedulerState {
  timer: ReturnType<typeof setInterval>;
  running: boolean;
  lastGeneratedAt: number | null;
  lastDigestDay: IsoDate | null;
  /** A digest that failed as a whole (e.g. the database) is retried hourly, not at every check. */
  lastDigestAttemptAt: number | null;
}

const globalForScheduler = globalThis as unknown as { gongkaiNotificationScheduler?: SchedulerState };

async function tick(state: SchedulerState): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    const now = new Date();
    const today = todayInShanghai(now);
    if (state.lastGeneratedAt === null || now.getTime() - state.lastGeneratedAt >= GENERATION_INTERVAL_MS) {
      const calendar = await loadWorkCalendar();
      const generated = await generateNotifications({ today, calendar });
      state.lastGeneratedAt = now.getTime();
      if (generated.created > 0) log(`已生成 ${generated.created} 条新提醒（检查在办案件 ${generated.candidates} 件）`);
    }
    const env = getEnv();
    const smtp = smtpSettingsFrom(env);
    const retryWaitOver = state.lastDigestAttemptAt === null || now.getTime() - state.lastDigestAttemptAt >= GENERATION_INTERVAL_MS;
    if (smtp && retryWaitOver && isDigestDue({ now, lastDigestDay: state.lastDigestDay, lastSentAt: null })) {
      state.lastDigestAttemptAt = now.getTime();
      const lastSentAt = await findLastDigestSentAt();
      if (isDigestDue({ now, lastDigestDay: state.lastDigestDay, lastSentAt })) {
        const digest = await sendDailyDigest({ smtp, today, appUrl: env.NEXTAUTH_URL, now });
        log(`每日提醒邮件：发送 ${digest.sent} 封（含提醒 ${digest.notifications} 条），失败 ${digest.failed} 封`);
      }
      state.lastDigestDay = today;
    }
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
  const state: SchedulerState = {
    timer: setInterval(() => void tick(state), CHECK_INTERVAL_MS),
    running: false,
    lastGeneratedAt: null,
    lastDigestDay: null,
    lastDigestAttemptAt: null,
  };
  // Never keeps a process alive on its own (scripts, tests).
  state.timer.unref();
  globalForScheduler.gongkaiNotificationScheduler = state;
  setTimeout(() => void tick(state), 0).unref();
  log("提醒任务已启动：每小时生成提醒，每日 8 时后发送提醒邮件（已配置 SMTP 时）");
  return stop;
}
