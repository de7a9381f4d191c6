// The alerts of the day, for every organization (run by the scheduler at start and every hour) or for
// one (right after its ledger import): reads
// the open cases that may need an alert and the active users, plans (plan.ts) and inserts. Idempotent:
// the database keeps each (user, dedupe key) once.
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate, WorkCalendar } from "../calendar/workdays";
import { candidateWindow, planNotifications } from "./plan";
import { findNotificationCandidates, findNotificationRecipients } from "./queries";
import { insertNotifications } from "./mutations";

export interface GenerationResult {
  /** Open cases looked at. */
  candidates: number;
  /** Alerts planned (including those that already existed). */
  planned: number;
  /** Alerts that were new. */
  created: number;
}

/**
 * Raises today's alerts for every organization, or for one (`organizationId`). Idempotent: a second run
 * the same day creates nothing.
 */
export async function generateNotifications({ today, calendar, organizationId }: { today: IsoDate; calendar: WorkCalendar; organizationId?: string }): Promise<GenerationResult> {
  const [candidates, recipients] = await Promise.all([
    findNotificationCandidates({ window: candidateWindow(calendar, today), organizationId }),
    findNotificationRecipients(organizationId),
  ]);
  const drafts = planNotifications({ candidates, recipients, today, calendar });
  const created = await insertNotifications({ drafts });
  return { candidates: candidates.length, planned: drafts.length, created };
}

/**
 * Right after a change that can raise alerts at once (a ledger import, a calendar change): today's
 * alerts are generated now rather than at the scheduler's next hourly run. The change itself has been
 * committed; a failure here is logged and left to the scheduler (generation is idempotent).
 */
export async function generateNotificationsAfterChange({
  today,
  reason,
  organizationId,
}: {
  today: IsoDate;
  reason: string;
  /** The organization the change concerns (an import); absent for the national calendar. */
  organizationId?: string;
}): Promise<GenerationResult | null> {
  try {
    const result = await generateNotifications({ today, calendar: await loadWorkCalendar(), organizationId });
    if (result.created > 0) console.log(`[notifications] ${reason}后已生成 ${result.created} 条新提醒`);
    return result;
  } catch (error) {
    console.error(`[notifications] ${reason}后生成提醒失败，将在下次定时任务中重试`, error);
    return null;
  }
}
