import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { signInWithPassword } from "./sign-in";
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, normalizeRecoveryCode, totpCode } from "./totp";
import { createTestOrganization, createTestUser, uniqueSuffix } from "@/tests/factories";

const PASSWORD = "Correct-horse-1";
let organizationId: string;

/** Every test signs in from its own address, so that the per-address limit of one does not reach another. */
const from = () => ({ ip: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`, userAgent: "Vitest/1.0" });

async function auditActions(entityId: string) {
  const events = await db.auditEvent.findMany({ where: { entityId }, orderBy: { createdAt: "asc" } });
  return events.map((event) => event.action);
}

beforeAll(async () => {
  organizationId = (await createTestOrganization()).id;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("signInWithPassword", () => {
  it("accepts the right password, case-insensitive username, resets the failure count and opens a session", async () => {
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const context = from();
    await signInWithPassword({ username: user.username, password: "wrong-password-1" }, context);
    const result = await signInWithPassword({ username: user.username.toUpperCase(), password: PASSWORD }, context);
    expect(result).toMatchObject({ ok: true, userId: user.id });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.failedLoginCount).toBe(0);
    expect(stored.lastLoginAt).not.toBeNull();
    const session = await db.userSession.findUniqueOrThrow({ where: { id: result.ok ? result.sessionId : "" } });
    expect(session).toMatchObject({ userId: user.id, ip: context.ip, userAgent: "Vitest/1.0", revokedAt: null });
    const signedIn = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signed_in" } });
    expect(signedIn).toMatchObject({ actorId: user.id, organizationId, ip: context.ip, userAgent: "Vitest/1.0" });
  });

  it("answers a wrong password, an unknown, a disabled and a locked account alike, and audits each", async () => {
    const wrongUser = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const disabled = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    await db.user.update({ where: { id: disabled.id }, data: { active: false } });
    const locked = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    await db.user.update({ where: { id: locked.id }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const unknownName = `nobody-${uniqueSuffix()}`;
    const context = from();

    const answers = [
      await signInWithPassword({ username: wrongUser.username, password: "Not-the-password-1" }, context),
      await signInWithPassword({ username: unknownName, password: PASSWORD }, context),
      await signInWithPassword({ username: disabled.username, password: PASSWORD }, context),
      await signInWithPassword({ username: locked.username, password: PASSWORD }, context),
    ];
    for (const answer of answers) expect(answer).toEqual({ ok: false, reason: "INVALID" });

    expect(await auditActions(wrongUser.id)).toEqual(["auth.failed"]);
    expect(await auditActions(disabled.id)).toEqual(["auth.refused_disabled"]);
    expect(await auditActions(locked.id)).toEqual(["auth.refused_locked"]);
    const unknown = await db.auditEvent.findFirstOrThrow({ where: { entityId: unknownName } });
    expect(unknown).toMatchObject({ action: "auth.failed", actorId: null, ip: context.ip, userAgent: "Vitest/1.0" });
    expect(unknown.after).toMatchObject({ username: unknownName, knownAccount: false });
  });

  it("locks the account when 20 wrong passwords arrive at once, and refuses the right one while locked", async () => {
    const { LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES } = getEnv();
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const context = from();
    const start = new Date();

    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => signInWithPassword({ username: user.username, password: `Wrong-guess-${index}` }, context, start)),
    );
    expect(answers.every((answer) => !answer.ok && answer.reason === "INVALID")).toBe(true);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.lockedUntil?.getTime()).toBe(start.getTime() + LOGIN_LOCK_MINUTES * 60_000);
    // Counted one after another: LOGIN_MAX_FAILURES - 1 failures, one lock, and the rest refused as locked.
    const actions = await auditActions(user.id);
    expect(actions.filter((action) => action === "auth.failed")).toHaveLength(LOGIN_MAX_FAILURES - 1);
    expect(actions.filter((action) => action === "auth.locked")).toHaveLength(1);
    expect(actions.filter((action) => action === "auth.refused_locked")).toHaveLength(20 - LOGIN_MAX_FAILURES);

    const whileLocked = await signInWithPassword({ username: user.username, password: PASSWORD }, context, new Date(start.getTime() + 60_000));
    expect(whileLocked).toEqual({ ok: false, reason: "INVALID" });
    expect(await db.userSession.count({ where: { userId: user.id } })).toBe(0);

    const afterLock = new Date(start.getTime() + (LOGIN_LOCK_MINUTES * 60 + 1) * 1000);
    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, context, afterLock)).toMatchObject({ ok: true });
  });

  it("the right password sent together with a burst of wrong ones never opens a locked account", async () => {
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const context = from();
    await Promise.all(Array.from({ length: 12 }, (_, index) => signInWithPassword({ username: user.username, password: `Wrong-burst-${index}` }, context)));
    const right = await signInWithPassword({ username: user.username, password: PASSWORD }, context);
    expect(right).toEqual({ ok: false, reason: "INVALID" });
  });

  it("limits failed sign-ins per source address, whatever the account", async () => {
    const { LOGIN_ADDRESS_MAX_FAILURES } = getEnv();
    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const attacker = from();
    for (let attempt = 0; attempt < LOGIN_ADDRESS_MAX_FAILURES; attempt += 1) {
      await signInWithPassword({ username: `spray-${attempt}-${uniqueSuffix()}`, password: "Spray-password-1" }, attacker);
    }
    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, attacker)).toEqual({ ok: false, reason: "THROTTLED" });
    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, from())).toMatchObject({ ok: true });
    const throttled = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.throttled", ip: attacker.ip } });
    expect(throttled.after).toMatchObject({ username: user.username });
  });

  it("answers bytes the database would refuse like a wrong password, and an internal error without its text", async () => {
    const context = from();
    expect(await signInWithPassword({ username: "admin\u0000", password: "x\u0000y" }, context)).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword({ username: "\ud800admin", password: PASSWORD }, context)).toEqual({ ok: false, reason: "INVALID" });
    expect(await signInWithPassword("not an object", context)).toEqual({ ok: false, reason: "INVALID" });

    const user = await createTestUser({ organizationId, role: "CLERK", password: PASSWORD });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    vi.spyOn(db.user, "findUnique").mockRejectedValueOnce(new Error("Can't reach database server at 10.0.0.1:5432"));
    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, context)).toEqual({ ok: false, reason: "UNAVAILABLE" });
    expect(logged).toHaveBeenCalled();
  });
});

describe("signInWithPassword with a second factor", () => {
  it("asks for the code, refuses a wrong or replayed one, and accepts a recovery code once", async () => {
    const secret = generateTotpSecret();
    const user = await createTestUser({ organizationId, role: "ADMIN", password: PASSWORD, totpSecret: secret });
    const [recovery] = generateRecoveryCodes();
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: hashRecoveryCode(normalizeRecoveryCode(recovery!)!) } });
    const context = from();
    const now = new Date();

    expect(await signInWithPassword({ username: user.username, password: PASSWORD }, context, now)).toEqual({ ok: false, reason: "SECOND_FACTOR_REQUIRED" });
    // The code is only asked for once the password is right.
    expect(await signInWithPassword({ username: user.username, password: "Wrong-password-9" }, context, now)).toEqual({ ok: false, reason: "INVALID" });

    const code = totpCode(secret, now);
    const wrongCode = code === "000000" ? "111111" : "000000";
    expect(await signInWithPassword({ username: user.username, password: PASSWORD, otp: wrongCode }, context, now)).toEqual({
      ok: false,
      reason: "SECOND_FACTOR_INVALID",
    });
    expect(await signInWithPassword({ username: user.username, password: PASSWORD, otp: code }, context, now)).toMatchObject({ ok: true });
    // The same code a second time (someone who watched it being typed) is refused.
    expect(await signInWithPassword({ username: user.username, password: PASSWORD, otp: code }, context, now)).toEqual({
      ok: false,
      reason: "SECOND_FACTOR_INVALID",
    });

    const lowerCaseRecovery = recovery!.toLowerCase().replace("-", "");
    expect(await signInWithPassword({ username: user.username, password: PASSWORD, otp: lowerCaseRecovery }, context, now)).toMatchObject({ ok: true });
    expect(await signInWithPassword({ username: user.username, password: PASSWORD, otp: recovery }, context, now)).toEqual({
      ok: false,
      reason: "SECOND_FACTOR_INVALID",
    });
    const failures = (await auditActions(user.id)).filter((action) => action === "auth.failed");
    expect(failures.length).toBeGreaterThanOrEqual(3);
  });
});
