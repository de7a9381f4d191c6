import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createSession, resolveSession, revokeOtherSessions, revokeSession } from "./sessions";
import { createTestOrganization, createTestUser } from "@/tests/factories";

const minutes = (start: Date, count: number) => new Date(start.getTime() + count * 60_000);
const context = { ip: "192.0.2.10", userAgent: "Vitest/1.0" };

async function openSession(now: Date) {
  const organization = await createTestOrganization();
  const user = await createTestUser({ organizationId: organization.id, role: "CLERK" });
  const sessionId = await db.$transaction((tx) => createSession(tx, { userId: user.id, sessionVersion: user.sessionVersion, now, context }));
  return { user, sessionId };
}

describe("server-side sessions", () => {
  it("ends after SESSION_IDLE_MINUTES without a request, and each request (at most once a minute) moves that forward", async () => {
    const { SESSION_IDLE_MINUTES } = getEnv();
    const start = new Date("2026-03-02T01:00:00Z");
    const { sessionId, user } = await openSession(start);
    expect(await resolveSession(sessionId, minutes(start, 1))).toMatchObject({ userId: user.id, username: user.username, role: "CLERK" });
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(minutes(start, 1));
    // Within the minute: read only.
    await resolveSession(sessionId, new Date(minutes(start, 1).getTime() + 30_000));
    expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt).toEqual(minutes(start, 1));

    const active = minutes(start, 1 + SESSION_IDLE_MINUTES - 1);
    expect(await resolveSession(sessionId, active)).not.toBeNull();
    expect(await resolveSession(sessionId, minutes(active, SESSION_IDLE_MINUTES - 1))).not.toBeNull();
    const idle = minutes(active, SESSION_IDLE_MINUTES * 2 + 1);
    expect(await resolveSession(sessionId, idle)).toBeNull();
    // Once over, a later request does not bring it back.
    expect(await resolveSession(sessionId, minutes(idle, 1))).toBeNull();
  });

  it("ends SESSION_ABSOLUTE_HOURS after sign-in, however active", async () => {
    const { SESSION_ABSOLUTE_HOURS } = getEnv();
    const start = new Date("2026-03-02T01:00:00Z");
    const { sessionId } = await openSession(start);
    let now = start;
    for (let step = 0; step < (SESSION_ABSOLUTE_HOURS * 60) / 20 - 1; step += 1) {
      now = minutes(now, 20);
      expect(await resolveSession(sessionId, now)).not.toBeNull();
    }
    expect(await resolveSession(sessionId, minutes(start, SESSION_ABSOLUTE_HOURS * 60 + 1))).toBeNull();
  });

  it("ends on sign-out, on a password change elsewhere, when the account is disabled or its session version moves", async () => {
    const now = new Date();
    const signedOut = await openSession(now);
    await db.$transaction((tx) => revokeSession(tx, { sessionId: signedOut.sessionId, reason: "SIGNED_OUT", now }));
    expect(await resolveSession(signedOut.sessionId, now)).toBeNull();
    expect(await db.userSession.findUniqueOrThrow({ where: { id: signedOut.sessionId } })).toMatchObject({ revokedReason: "SIGNED_OUT" });

    const kept = await openSession(now);
    const other = await db.$transaction((tx) => createSession(tx, { userId: kept.user.id, sessionVersion: kept.user.sessionVersion, now, context }));
    await db.$transaction((tx) => revokeOtherSessions(tx, { userId: kept.user.id, keepSessionId: kept.sessionId, reason: "PASSWORD_CHANGED", now }));
    expect(await resolveSession(kept.sessionId, now)).not.toBeNull();
    expect(await resolveSession(other, now)).toBeNull();

    const disabled = await openSession(now);
    await db.user.update({ where: { id: disabled.user.id }, data: { active: false } });
    expect(await resolveSession(disabled.sessionId, now)).toBeNull();

    const bumped = await openSession(now);
    await db.user.update({ where: { id: bumped.user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveSession(bumped.sessionId, now)).toBeNull();

    expect(await resolveSession("not-a-session-id", now)).toBeNull();
  });
});
