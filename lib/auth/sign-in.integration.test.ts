import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { signInWithPassword } from "./sign-in";
import { createTestOrganization, createTestUser } from "@/tests/factories";

const PASSWORD = "Correct-horse-1";
let organizationId: string;

beforeAll(async () => {
  organizationId = (await createTestOrganization()).id;
});

describe("signInWithPassword", () => {
  it("accepts the right password, case-insensitive username, and resets the failure count", async () => {
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    await signInWithPassword({ username: user.username, password: "wrong-password" });
    const result = await signInWithPassword({ username: user.username.toUpperCase(), password: PASSWORD });
    expect(result).toMatchObject({ ok: true, userId: user.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(0);
    expect(stored.lastLoginAt).not.toBeNull();
  });

  it("answers a wrong password and an unknown user with the same Chinese message", async () => {
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const wrong = await signInWithPassword({ username: user.username, password: "Not-the-password-1" });
    const unknown = await signInWithPassword({ username: "nobody-here", password: PASSWORD });
    expect(wrong).toEqual({ ok: false, reason: "INVALID", message: "用户名或密码错误" });
    expect(unknown).toEqual(wrong);
  });

  it("locks the account after repeated failures, even against the right password, until the lock expires", async () => {
    const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = getEnv();
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const start = new Date("2026-11-21T02:00:00Z");
    for (let attempt = 1; attempt < LOGIN_MAX_FAILURES; attempt += 1) {
      expect(await signInWithPassword({ username: user.username, password: "bad-guess" }, start)).toMatchObject({ reason: "INVALID" });
    }
    const locking = await signInWithPassword({ username: user.username, password: "bad-guess" }, start);
    expect(locking).toMatchObject({ ok: false, reason: "LOCKED" });
    expect(locking.ok ? "" : locking.message).toContain("锁定");

    const whileLocked = await signInWithPassword({ username: user.username, password: PASSWORD }, new Date(start.getTime() + 60_000));
    expect(whileLocked).toMatchObject({ ok: false, reason: "LOCKED" });

    const afterLock = new Date(start.getTime() + (LOGIN_LOCK_MINUTES * 60 + 1) * 1000);
    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, afterLock)).toMatchObject({ ok: true });

    const audit = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((event) => event.action)).toContain("auth.locked");
  });

  it("refuses a disabled account with its own message, but only after the password matched", async () => {
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    await db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signInWithPassword({ username: user.username, password: "Wrong-pass-123" })).toMatchObject({ reason: "INVALID" });
    expect(await signInWithPassword({ username: user.username, password: PASSWORD })).toMatchObject({
      ok: false,
      reason: "DISABLED",
      message: "该账户已停用，请联系管理员",
    });
  });
});
