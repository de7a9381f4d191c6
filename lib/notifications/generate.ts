// The alerts of the day, for every organization (run by the scheduler at start and every hour): reads
// the open cases that may need an alert and the active users, plans (plan.ts) and inserts. Idempotent:
// the database keeps each (user, dedupe key) once.
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

/** Raises today's alerts for every organization. Idempotent: a second run the same day creates nothing. */
export async function generateNotifications({ today, calendar }: { today: IsoDate; calendar: WorkCalendar }): Promise<GenerationResult> {
  const [candidates, recipients] = await Promise.all([
    findNotificationCandidates({ window: candidateWindow(calendar, today) }),
    findNotificationRecipients(),
  ]);
  const drafts = planNotifications({ candidates, recipients, today, calendar });
  const created = await insertNotifications({ drafts });
  return { candidates: candidates.length, planned: drafts.length, created };
}
