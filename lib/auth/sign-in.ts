// Checks a username and password, with lock-out after repeated failures (LOGIN_MAX_FAILURES in a row
// lock the account for LOGIN_LOCK_MINUTES). Every outcome is written to the audit trail.
import { db } from "../db";
import { getEnv } from "../env";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

export type SignInResult =
  | { ok: true; userId: string; sessionVersion: number }
  | { ok: false; reason: "INVALID" | "LOCKED" | "DISABLED"; message: string };

const INVALID = { ok: false, reason: "INVALID", message: "用户名或密码错误" } as const;

export async function signInWithPassword(input: unknown, now: Date = new Date()): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return INVALID;
  const { username, password } = parsed.data;
  const env = getEnv();

  const user = await db.user.findUnique({ where: { username } });
  if (!user) {
    await verifyPassword(password, UNUSABLE_PASSWORD_HASH);
    return INVALID;
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.max(1, Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000));
    return { ok: false, reason: "LOCKED", message: `登录失败次数过多，账户已临时锁定，请 ${minutes} 分钟后再试` };
  }

  const passwordOk = await verifyPassword(password, user.passwordHash);
  if (!passwordOk) {
    const failures = user.failedLoginCount + 1;
    const lock = failures >= env.LOGIN_MAX_FAILURES;
    await db.$transaction([
      db.user.update({
        where: { id: user.id },
        data: lock
          ? { failedLoginCount: 0, lockedUntil: new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000) }
          : { failedLoginCount: failures },
      }),
      db.auditEvent.create({
        data: {
          organizationId: user.organizationId,
          actorId: user.id,
          action: lock ? "auth.locked" : "auth.failed",
          entityType: "User",
          entityId: user.id,
          after: { failedLoginCount: lock ? env.LOGIN_MAX_FAILURES : failures },
        },
      }),
    ]);
    if (lock) {
      return {
        ok: false,
        reason: "LOCKED",
        message: `登录失败次数过多，账户已临时锁定，请 ${env.LOGIN_LOCK_MINUTES} 分钟后再试`,
      };
    }
    return INVALID;
  }

  if (!user.active) return { ok: false, reason: "DISABLED", message: "该账户已停用，请联系管理员" };

  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { failedLoginCount: 0, lockedUntil: null, lastLoginAt: now } }),
    db.auditEvent.create({
      data: { organizationId: user.organizationId, actorId: user.id, action: "auth.signed_in", entityType: "User", entityId: user.id },
    }),
  ]);
  return { ok: true, userId: user.id, sessionVersion: user.sessionVersion };
}
