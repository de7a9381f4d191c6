// The calendar's fingerprint (ADR 0083): what the process's copy of the calendar is checked against
// before each use. Its own module, so that the session's statement can read it too (ADR 0100) without
// the calendar's queries and the sessions importing each other.
import "server-only";
import { Prisma } from "@prisma/client";
import { cache } from "react";

/**
 * What the calendar is built from, as one text: the number of overrides, an order-free hash of their
 * dates and kinds, and the confirmed years. Any change, by this process or by another instance of the
 * application (a second server, the CLI), changes it; no clock or trigger involved.
 */
export const CALENDAR_FINGERPRINT = Prisma.sql`concat_ws('|',
      (SELECT count(*) FROM "CalendarDay"),
      (SELECT coalesce(sum(hashtext("date"::text || ' ' || "kind"::text)::bigint), 0) FROM "CalendarDay"),
      (SELECT coalesce(string_agg("year"::text, ',' ORDER BY "year"), '') FROM "CalendarYear" WHERE "confirmed")
    )`;

/**
 * The fingerprint the request's session statement read with the session (lib/auth/session.ts), so that
 * a page's loadWorkCalendar needs no statement of its own: one box per request (React's cache). Empty
 * where there is no request being rendered (the alerts' scheduler, the CLI) or no session yet: the
 * calendar then reads the fingerprint itself.
 */
export const requestCalendarFingerprint = cache((): { value?: string } => ({}));

/**
 * After a change of the calendar within the request (a Server Action that also renders the page): the
 * fingerprint read with the session is the old one, and the calendar must be read afresh.
 */
export function forgetRequestCalendarFingerprint(): void {
  requestCalendarFingerprint().value = undefined;
}
