// Writing notifications: inserting the generated alerts (idempotent through the unique (userId,
// dedupeKey)), marking the actor's own alerts read, and claiming alerts for the email digest.
// Reading state is personal: it is not audited (it changes no case and no setting).
import "server-only";
import { Prisma, type NotificationKind } from "@prisma/client";
import { z } from "zod";
import { db } from "../db";
import type { Actor } from "../auth/actor";
import { parseInput } from "../validation";
import type { NotificationDraft } from "./plan";

/** Rows per INSERT: bounds the statement's size when many alerts are raised at once. */
const INSERT_BATCH_SIZE = 1000;

/** Inserts the drafts that do not exist yet for their user; returns how many were new. */
export async function insertNotifications({ drafts }: { drafts: readonly NotificationDraft[] }): Promise<number> {
  let created = 0;
  for (let start = 0; start < drafts.length; start += INSERT_BATCH_SIZE) {
    const batch = drafts.slice(start, start + INSERT_BATCH_SIZE);
    const result = await db.notification.createMany({ data: [...batch], skipDuplicates: true });
    created += result.count;
  }
  return created;
}

const notificationIdSchema = z.object({ notificationId: z.string().trim().min(1, "缺少提醒编号").max(40) });

/** Marks one of the actor's notifications read. Another user's id changes nothing. Returns whether it changed. */
export async function markNotificationRead({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }): Promise<boolean> {
  const { notificationId } = parseInput(notificationIdSchema, input);
  const result = await db.notification.updateMany({
    where: { id: notificationId, userId: actor.userId, organizationId: actor.organizationId, readAt: null },
    data: { readAt: now },
  });
  return result.count > 0;
}

/** Marks all of the actor's notifications read; returns how many were unread. */
export async function markAllNotificationsRead({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<number> {
  const result = await db.notification.updateMany({
    where: { userId: actor.userId, organizationId: actor.organizationId, readAt: null },
    data: { readAt: now },
  });
  return result.count;
}

export interface ClaimedNotification {
  id: string;
  kind: NotificationKind;
  message: string;
  applicationId: string | null;
  createdAt: Date;
}

/**
 * Takes a user's unread alerts not yet emailed for the digest: sets emailedAt = `claimedAt` and returns
 * them, in one statement, so that two app instances sending at the same time never email an alert twice.
 * If the email then fails, releaseDigestClaim gives them back.
 */
export async function claimDigestNotifications({ userId, claimedAt }: { userId: string; claimedAt: Date }): Promise<ClaimedNotification[]> {
  return db.$queryRaw<ClaimedNotification[]>(Prisma.sql`
    UPDATE "Notification" SET "emailedAt" = ${claimedAt}
    WHERE "userId" = ${userId} AND "readAt" IS NULL AND "emailedAt" IS NULL
    RETURNING "id", "kind", "message", "applicationId", "createdAt"
  `);
}

/** Undoes a claim whose email could not be sent (only the alerts this claim marked). */
export async function releaseDigestClaim({ ids, claimedAt }: { ids: readonly string[]; claimedAt: Date }): Promise<void> {
  if (ids.length === 0) return;
  await db.notification.updateMany({ where: { id: { in: [...ids] }, emailedAt: claimedAt }, data: { emailedAt: null } });
}
