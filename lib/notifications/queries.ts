// Reading notifications. A user sees only their own: every read by a signed-in user is scoped to
// actor.userId (and so to their organization). The generation and the digest are installation-wide
// jobs without an actor (the scheduler), and read across organizations by design; each alert they
// write or send still belongs to one user of one organization.
import "server-only";
import { Prisma, type NotificationKind, type Role } from "@prisma/client";
import { db, readRows } from "../db";
import type { Actor } from "../auth/actor";
import { dbDateFromIso, isoDateFromDb } from "../calendar/dates";
import type { CandidateWindow, NotificationCandidate, NotificationRecipient } from "./plan";

// ---------------------------------------------------------------------------------------------
// For the generation

const candidateSelect = {
  id: true,
  organizationId: true,
  caseNumber: true,
  applicantName: true,
  handlerId: true,
  handler: { select: { displayName: true } },
  clockPhase: true,
  receivedOn: true,
  dueOn: true,
  dueIsProvisional: true,
  correctionNoticeDueOn: true,
  correctionRequestedOn: true,
  correctionReceivedOn: true,
  feeNoticeOn: true,
  feePaidOn: true,
  feePaymentDueOn: true,
  consultationReplyDueOn: true,
} satisfies Prisma.ApplicationSelect;

const isoOrNull = (date: Date | null) => (date ? isoDateFromDb(date) : null);

/**
 * The open cases of every organization that may need an alert today (plan.ts decides): due soon or
 * overdue, the 补正 notice window about to close, a lapsed fee payment, a consultation window at its end,
 * a provisional due date, or no handler.
 */
export async function findNotificationCandidates({ window, organizationId }: { window: CandidateWindow; organizationId?: string }): Promise<NotificationCandidate[]> {
  const today = dbDateFromIso(window.today);
  const records = await db.application.findMany({
    where: {
      ...(organizationId ? { organizationId } : {}),
      status: "OPEN",
      // A voided case raises no alert (voiding removes the ones it had).
      voidedAt: null,
      OR: [
        { dueOn: { lte: dbDateFromIso(window.lastDueSoonDate) } },
        {
          clockPhase: "RUNNING",
          correctionRequestedOn: null,
          correctionNoticeDueOn: { gte: today, lte: dbDateFromIso(window.lastCorrectionAlertDate) },
        },
        { feeNoticeOn: { not: null }, feePaidOn: null, feePaymentDueOn: { lt: today } },
        { clockPhase: "CONSULTING", consultationReplyDueOn: { lte: today } },
        { dueIsProvisional: true },
        // Without a handler: the managers' (plan.ts).
        { handlerId: null },
      ],
    },
    select: candidateSelect,
    orderBy: [{ organizationId: "asc" }, { caseNumber: "asc" }],
  });
  return records.map((record) => ({
    id: record.id,
    organizationId: record.organizationId,
    caseNumber: record.caseNumber,
    applicantName: record.applicantName,
    handlerId: record.handlerId,
    handlerName: record.handler?.displayName ?? null,
    clockPhase: record.clockPhase,
    receivedOn: isoDateFromDb(record.receivedOn),
    dueOn: isoOrNull(record.dueOn),
    dueIsProvisional: record.dueIsProvisional,
    correctionNoticeDueOn: isoOrNull(record.correctionNoticeDueOn),
    correctionRequestedOn: isoOrNull(record.correctionRequestedOn),
    correctionReceivedOn: isoOrNull(record.correctionReceivedOn),
    feeNoticeOn: isoOrNull(record.feeNoticeOn),
    feePaidOn: isoOrNull(record.feePaidOn),
    feePaymentDueOn: isoOrNull(record.feePaymentDueOn),
    consultationReplyDueOn: isoOrNull(record.consultationReplyDueOn),
  }));
}

/** Every active user of every organization (disabled users and the installation's operators get no alerts). */
export async function findNotificationRecipients(organizationId?: string): Promise<NotificationRecipient[]> {
  const users = await db.user.findMany({ where: { active: true, organizationId: organizationId ?? { not: null } }, select: { id: true, organizationId: true, role: true } });
  return users.flatMap((user) => (user.organizationId ? [{ id: user.id, organizationId: user.organizationId, role: user.role }] : []));
}

// ---------------------------------------------------------------------------------------------
// For the signed-in user

export const NOTIFICATION_PAGE_SIZE = 50;

export type NotificationFilter = "all" | "unread";

export interface NotificationRow {
  id: string;
  kind: NotificationKind;
  message: string;
  applicationId: string | null;
  caseNumber: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPage {
  rows: NotificationRow[];
  /** Notifications matching the filter, over all pages. */
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

/** The actor's own notifications, newest first. */
export async function listNotifications({
  actor,
  filter,
  page,
}: {
  actor: Actor;
  filter: NotificationFilter;
  page: number;
}): Promise<NotificationPage> {
  // Straight to the pool (readRows, ADR 0095): the two counts in one statement, then the page.
  const mine = Prisma.sql`"userId" = ${actor.userId} AND "organizationId" = ${actor.organizationId}`;
  const [counts] = await readRows<{ total: number; unread: number }>(Prisma.sql`
    SELECT count(*)::int AS "total", (count(*) FILTER (WHERE "readAt" IS NULL))::int AS "unread"
    FROM "Notification" WHERE ${mine}`);
  const unread = counts?.unread ?? 0;
  const total = filter === "unread" ? unread : (counts?.total ?? 0);
  const lastPage = Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE));
  const shownPage = Math.min(Math.max(1, page), lastPage);
  const records = await readRows<NotificationRow>(Prisma.sql`
    SELECT n."id", n."kind"::text AS "kind", n."message", n."applicationId", a."caseNumber", n."createdAt", n."readAt"
    FROM "Notification" n
    LEFT JOIN "Application" a ON a."id" = n."applicationId"
    WHERE n."userId" = ${actor.userId} AND n."organizationId" = ${actor.organizationId}
      ${filter === "unread" ? Prisma.sql`AND n."readAt" IS NULL` : Prisma.empty}
    ORDER BY n."createdAt" DESC, n."id" DESC
    LIMIT ${NOTIFICATION_PAGE_SIZE} OFFSET ${(shownPage - 1) * NOTIFICATION_PAGE_SIZE}`);
  return {
    rows: records,
    total,
    unread,
    page: shownPage,
    pageSize: NOTIFICATION_PAGE_SIZE,
  };
}

/** How many of the actor's notifications are unread (the bell in the header, on every page: readRows, ADR 0095). */
export async function countUnreadNotifications({ actor }: { actor: Actor }): Promise<number> {
  const [row] = await readRows<{ unread: number }>(Prisma.sql`
    SELECT count(*)::int AS "unread" FROM "Notification"
    WHERE "userId" = ${actor.userId} AND "organizationId" = ${actor.organizationId} AND "readAt" IS NULL`);
  return row?.unread ?? 0;
}

/** The case a notification of the actor's points to, or null (another user's id included). */
export async function findNotificationCaseId({ actor, notificationId }: { actor: Actor; notificationId: string }): Promise<string | null> {
  const notification = await db.notification.findFirst({
    where: { id: notificationId, userId: actor.userId, organizationId: actor.organizationId },
    select: { applicationId: true },
  });
  return notification?.applicationId ?? null;
}

// ---------------------------------------------------------------------------------------------
// For the daily email digest

export interface DigestRecipient {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organizationName: string;
}

/**
 * Active users who asked for the daily email (User.emailDigest) and have an address (User.email), with
 * at least one unread alert not yet emailed. Raw SQL on purpose: it reads the two preference columns by
 * name, so that it does not depend on the generated client's User type.
 */
export async function findDigestRecipients(): Promise<DigestRecipient[]> {
  return db.$queryRaw<DigestRecipient[]>(Prisma.sql`
    SELECT u."id" AS "userId", btrim(u."email") AS "email", u."displayName", u."role", o."name" AS "organizationName"
    FROM "User" u
    JOIN "Organization" o ON o."id" = u."organizationId"
    WHERE u."active" AND u."emailDigest" AND u."email" IS NOT NULL AND btrim(u."email") <> ''
      AND EXISTS (
        SELECT 1 FROM "Notification" n
        WHERE n."userId" = u."id" AND n."readAt" IS NULL AND n."emailedAt" IS NULL
      )
    ORDER BY o."name", u."displayName", u."id"
  `);
}

/** When the last digest email went out (the latest emailedAt), so that a restart does not send twice a day. */
export async function findLastDigestSentAt(): Promise<Date | null> {
  const latest = await db.notification.aggregate({ _max: { emailedAt: true } });
  return latest._max.emailedAt;
}
