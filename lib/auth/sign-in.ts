// Checks a sign-in: username, password and, for an account with a second factor, a TOTP code or a
// recovery code. docs/decisions/0060.
//
// - A wrong password, an unknown user, a locked and a disabled account get the same answer
//   (INVALID), after the same scrypt work, so that nothing tells them apart.
// - Failures are counted in one SQL statement (row lock, then increment), so that parallel guesses
//   cannot read the same count: LOGIN_MAX_FAILURES in a row lock the account for LOGIN_LOCK_MINUTES.
//   A success is written only if the account is not locked at that moment, in the same statement.
// - Failures are also counted per source address (throttle.ts), whatever the account.
// - Every outcome is audited with the source address and user agent. An unexpected error is logged
//   and answered UNAVAILABLE: its text never reaches the sign-in page.
import "server-only";
import type { Prisma } from "@prisma/client";
import { db, type Transaction } from "../db";
import { getEnv } from "../env";
import { recordAudit } from "../audit/record";
import { UNUSABLE_PASSWORD_HASH, verifyPassword } from "./password";
import { NO_REQUEST_CONTEXT, type RequestContext } from "./request-context";
import { signInSchema } from "./schemas";
import { openSecret } from "./secret-box";
import { createSession } from "./sessions";
import { countAddressFailure, isAddressThrottled } from "./throttle";
import { hashRecoveryCode, matchTotpStep, normalizeRecoveryCode } from "./totp";

export type SignInFailure = "INVALID" | "SECOND_FACTOR_REQUIRED" | "SECOND_FACTOR_INVALID" | "THROTTLED" | "UNAVAILABLE";

export type SignInResult = { ok: true; userId: string; sessionId: string } | { ok: false; reason: SignInFailure };

/** What the sign-in page shows for each failure (the only texts that ever reach it). */
export const SIGN_IN_MESSAGES: Record<SignInFailure, string> = {
  INVALID: "用户名或密码错误",
  SECOND_FACTOR_REQUIRED: "请输入双因素认证验证码",
  SECOND_FACTOR_INVALID: "验证码不正确或已使用过：请输入认证器应用当前显示的 6 位数字，或一个未用过的恢复码",
  THROTTLED: "登录尝试过于频繁，请稍后再试",
  UNAVAILABLE: "登录服务暂时不可用，请稍后再试；如持续出现请联系管理员",
};

const fail = (reason: SignInFailure): SignInResult => ({ ok: false, reason });

interface AccountRow {
  id: string;
  organizationId: string | null;
  passwordHash: string;
  active: boolean;
  lockedUntil: Date | null;
  sessionVersion: number;
  totpSecret: string | null;
}

/** Thrown inside the success transaction to roll it back with an answer. */
class Refusal extends Error {
  constructor(readonly reason: SignInFailure) {
    super(reason);
  }
}

export async function signInWithPassword(input: unknown, context: RequestContext = NO_REQUEST_CONTEXT, now: Date = new Date()): Promise<SignInResult> {
  try {
    return await attemptSignIn(input, context, now);
  } catch (error) {
    console.error("[auth] 登录处理出错", error);
    return fail("UNAVAILABLE");
  }
}

async function attemptSignIn(input: unknown, context: RequestContext, now: Date): Promise<SignInResult> {
  const parsed = signInSchema.safeParse(input);
  const username = parsed.success ? parsed.data.username : "";
  const audit = (tx: Transaction, account: AccountRow | null, action: string, after: Prisma.InputJsonObject = {}) =>
    recordAudit(tx, account ? { userId: account.id, organizationId: account.organizationId } : null, {
      action,
      entityType: "User",
      entityId: account?.id ?? (username || "（无效的用户名）"),
      organizationId: account?.organizationId ?? null,
      after: { username: username.slice(0, 40), ...after },
      ip: context.ip,
      userAgent: context.userAgent,
    });
  const auditAlone = (account: AccountRow | null, action: string, after?: Prisma.InputJsonObject) =>
    db.$transaction((tx) => audit(tx, account, action, after));

  if (await isAddressThrottled(context.ip)) {
    await auditAlone(null, "auth.throttled");
    return fail("THROTTLED");
  }
  if (!parsed.success) {
    await countAddressFailure(context.ip);
    await auditAlone(null, "auth.failed", { knownAccount: false, malformed: true });
    return fail("INVALID");
  }
  const { password, otp } = parsed.data;

  const account: AccountRow | null = await db.user.findUnique({
    where: { username },
    select: { id: true, organizationId: true, passwordHash: true, active: true, lockedUntil: true, sessionVersion: true, totpSecret: true },
  });
  // The same scrypt work whether or not the account exists, is locked or is disabled.
  const passwordOk = await verifyPassword(password, account?.passwordHash ?? UNUSABLE_PASSWORD_HASH);

  if (!account) {
    await countAddressFailure(context.ip);
    await auditAlone(null, "auth.failed", { knownAccount: false });
    return fail("INVALID");
  }
  if (!passwordOk) {
    await countAddressFailure(context.ip);
    await recordFailure(account, now, (tx, action, after) => audit(tx, account, action, after));
    return fail("INVALID");
  }
  if (!account.active) {
    await auditAlone(account, "auth.refused_disabled");
    return fail("INVALID");
  }
  if (account.lockedUntil && account.lockedUntil > now) {
    await auditAlone(account, "auth.refused_locked", { lockedUntil: account.lockedUntil.toISOString() });
    return fail("INVALID");
  }

  let secondFactor: { kind: "totp"; step: number } | { kind: "recovery"; codeHash: string } | null = null;
  if (account.totpSecret) {
    if (!otp) return fail("SECOND_FACTOR_REQUIRED");
    secondFactor = checkSecondFactor(account.totpSecret, otp, now);
    if (!secondFactor) {
      await countAddressFailure(context.ip);
      const { locked } = await recordFailure(account, now, (tx, action, after) => audit(tx, account, action, { ...after, secondFactor: true }));
      return fail(locked ? "INVALID" : "SECOND_FACTOR_INVALID");
    }
  }

  try {
    const sessionId = await db.$transaction(async (tx) => {
      const opened = await tx.$queryRaw<{ sessionVersion: number }[]>`
        UPDATE "User" SET "failedLoginCount" = 0, "lockedUntil" = NULL, "lastLoginAt" = ${now}
        WHERE "id" = ${account.id} AND "active" AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now})
        RETURNING "sessionVersion"`;
      // Locked (or disabled) by a request that committed after the checks above.
      if (opened.length === 0) throw new Refusal("INVALID");
      if (secondFactor?.kind === "totp") {
        const fresh = await tx.$executeRaw`
          UPDATE "User" SET "totpLastStep" = ${secondFactor.step}
          WHERE "id" = ${account.id} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${secondFactor.step})`;
        if (fresh === 0) throw new Refusal("SECOND_FACTOR_INVALID");
      } else if (secondFactor?.kind === "recovery") {
        const used = await tx.recoveryCode.updateMany({
          where: { userId: account.id, codeHash: secondFactor.codeHash, usedAt: null },
          data: { usedAt: now },
        });
        if (used.count === 0) throw new Refusal("SECOND_FACTOR_INVALID");
      }
      const id = await createSession(tx, { userId: account.id, sessionVersion: opened[0]!.sessionVersion, now, context });
      await audit(tx, account, "auth.signed_in", { secondFactor: secondFactor?.kind ?? null, sessionId: id });
      return id;
    }, { maxWait: 10_000 });
    return { ok: true, userId: account.id, sessionId };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    if (error.reason === "SECOND_FACTOR_INVALID") {
      await countAddressFailure(context.ip);
      const { locked } = await recordFailure(account, now, (tx, action, after) => audit(tx, account, action, { ...after, secondFactor: true, replayed: true }));
      return fail(locked ? "INVALID" : "SECOND_FACTOR_INVALID");
    }
    await auditAlone(account, "auth.refused_locked");
    return fail(error.reason);
  }
}

function checkSecondFactor(sealedSecret: string, otp: string, now: Date): { kind: "totp"; step: number } | { kind: "recovery"; codeHash: string } | null {
  const compact = otp.replace(/\s+/g, "");
  if (/^\d{6}$/.test(compact)) {
    const secret = openSecret(sealedSecret);
    const step = secret ? matchTotpStep(secret, compact, now) : null;
    return step === null ? null : { kind: "totp", step };
  }
  const recovery = normalizeRecoveryCode(otp);
  return recovery ? { kind: "recovery", codeHash: hashRecoveryCode(recovery) } : null;
}

/**
 * Counts one failure for the account, atomically: the row is locked, the count read and increased in
 * the same statement. The failure that reaches LOGIN_MAX_FAILURES locks the account (and starts the
 * count again); failures while locked change nothing. Audited as auth.failed, auth.locked or
 * auth.refused_locked.
 */
async function recordFailure(
  account: AccountRow,
  now: Date,
  audit: (tx: Transaction, action: string, after: Prisma.InputJsonObject) => Promise<unknown>,
): Promise<{ locked: boolean }> {
  const env = getEnv();
  const lockUntil = new Date(now.getTime() + env.LOGIN_LOCK_MINUTES * 60_000);
  return db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ wasLocked: boolean; lockedNow: boolean; failures: number }[]>`
      WITH previous AS (
        SELECT "id", "failedLoginCount", "lockedUntil" FROM "User" WHERE "id" = ${account.id} FOR UPDATE
      )
      UPDATE "User" AS u SET
        "failedLoginCount" = CASE
          WHEN p."lockedUntil" > ${now} THEN p."failedLoginCount"
          WHEN p."failedLoginCount" + 1 >= ${env.LOGIN_MAX_FAILURES} THEN 0
          ELSE p."failedLoginCount" + 1 END,
        "lockedUntil" = CASE
          WHEN p."lockedUntil" > ${now} THEN p."lockedUntil"
          WHEN p."failedLoginCount" + 1 >= ${env.LOGIN_MAX_FAILURES} THEN ${lockUntil}
          ELSE p."lockedUntil" END
      FROM previous AS p
      WHERE u."id" = p."id"
      RETURNING COALESCE(p."lockedUntil" > ${now}, false) AS "wasLocked",
                (COALESCE(p."lockedUntil" <= ${now}, true) AND p."failedLoginCount" + 1 >= ${env.LOGIN_MAX_FAILURES}) AS "lockedNow",
                (p."failedLoginCount" + 1)::int AS "failures"`;
    if (!row) return { locked: false };
    if (row.wasLocked) {
      await audit(tx, "auth.refused_locked", {});
      return { locked: true };
    }
    if (row.lockedNow) {
      await audit(tx, "auth.locked", { failedLoginCount: row.failures, lockedUntil: lockUntil.toISOString() });
      return { locked: true };
    }
    await audit(tx, "auth.failed", { knownAccount: true, failedLoginCount: row.failures });
    return { locked: false };
  }, { maxWait: 10_000 });
}
