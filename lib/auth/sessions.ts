// Server-side sessions (docs/decisions/0060). The next-auth cookie carries only the id of a
// UserSession row; a session is alive while its row is not revoked, has been used within
// SESSION_IDLE_MINUTES, is before its absolute end (SESSION_ABSOLUTE_HOURS after sign-in), and the
// user is active with the session version it signed in with. Checking all of that, and moving
// lastSeenAt forward (at most once a minute), is one SQL statement per request, sent straight to the
// pool (readRows: no Prisma on this path, ADR 0095).
import "server-only";
import { Prisma, type Role } from "@prisma/client";
import { readRows, type Transaction } from "../db";
import { getEnv } from "../env";
import type { RequestContext } from "./request-context";
import { CALENDAR_FINGERPRINT } from "../calendar/fingerprint";

/** lastSeenAt is written at most this often, so that most requests only read. */
const TOUCH_INTERVAL_MS = 60_000;

export type SessionEndReason = "SIGNED_OUT" | "PASSWORD_CHANGED" | "SECOND_FACTOR_CHANGED";

export interface LiveSession {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  organizationCode: string | null;
  organizationName: string | null;
  /** The organization requires a second factor of its ADMIN and MANAGER accounts. */
  organizationRequiresTotp: boolean;
  mustChangePassword: boolean;
  totpEnrolled: boolean;
  /** The working-day calendar's fingerprint, read in the same statement (lib/calendar/fingerprint.ts). */
  calendarFingerprint: string;
}

export async function createSession(
  tx: Transaction,
  { userId, sessionVersion, now, context }: { userId: string; sessionVersion: number; now: Date; context: RequestContext },
): Promise<string> {
  const expiresAt = new Date(now.getTime() + getEnv().SESSION_ABSOLUTE_HOURS * 3_600_000);
  const session = await tx.userSession.create({
    data: { userId, sessionVersion, createdAt: now, lastSeenAt: now, expiresAt, ip: context.ip, userAgent: context.userAgent },
    select: { id: true },
  });
  return session.id;
}

/** The session and its user when the session is alive at `now`; otherwise null. */
export async function resolveSession(sessionId: string, now: Date = new Date()): Promise<LiveSession | null> {
  if (!/^[0-9a-f-]{36}$/.test(sessionId)) return null;
  const idleCutoff = new Date(now.getTime() - getEnv().SESSION_IDLE_MINUTES * 60_000);
  const touchBefore = new Date(now.getTime() - TOUCH_INTERVAL_MS);
  const rows = await readRows<LiveSession>(Prisma.sql`
    WITH touched AS (
      UPDATE "UserSession" SET "lastSeenAt" = ${now}
      WHERE "id" = ${sessionId} AND "revokedAt" IS NULL AND "expiresAt" > ${now}
        AND "lastSeenAt" > ${idleCutoff} AND "lastSeenAt" <= ${touchBefore}
      RETURNING "id"
    )
    SELECT s."id" AS "sessionId", u."id" AS "userId", u."username", u."displayName", u."role"::text AS "role",
           u."organizationId", o."code" AS "organizationCode", o."name" AS "organizationName",
           COALESCE(o."requireTotp", false) AS "organizationRequiresTotp",
           u."mustChangePassword", (u."totpEnabledAt" IS NOT NULL) AS "totpEnrolled",
           ${CALENDAR_FINGERPRINT} AS "calendarFingerprint"
    FROM "UserSession" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Organization" o ON o."id" = u."organizationId"
    WHERE s."id" = ${sessionId} AND s."revokedAt" IS NULL AND s."expiresAt" > ${now}
      AND s."lastSeenAt" > ${idleCutoff} AND u."active" AND u."sessionVersion" = s."sessionVersion"`);
  return rows[0] ?? null;
}

/** Ends one session (sign-out). Returns the user it belonged to, when it was still open. */
export async function revokeSession(
  tx: Transaction,
  { sessionId, reason, now }: { sessionId: string; reason: SessionEndReason; now: Date },
): Promise<{ userId: string; organizationId: string | null } | null> {
  const session = await tx.userSession.findUnique({ where: { id: sessionId }, select: { revokedAt: true, user: { select: { id: true, organizationId: true } } } });
  if (!session || session.revokedAt) return null;
  await tx.userSession.update({ where: { id: sessionId }, data: { revokedAt: now, revokedReason: reason } });
  return { userId: session.user.id, organizationId: session.user.organizationId };
}

/** Ends every open session of a user but `keepSessionId` (after a password or second-factor change). */
export async function revokeOtherSessions(
  tx: Transaction,
  { userId, keepSessionId, reason, now }: { userId: string; keepSessionId?: string; reason: SessionEndReason; now: Date },
): Promise<number> {
  const result = await tx.userSession.updateMany({
    where: { userId, revokedAt: null, ...(keepSessionId ? { id: { not: keepSessionId } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return result.count;
}
