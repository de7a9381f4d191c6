// What a signed-in account does for itself (the /account page): change its password, enrol, renew
// or remove its second factor. Each change is audited with the request's address; a new password or
// a new second factor ends the account's other sessions.
import "server-only";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import type { SignedIn } from "../auth/session";
import { recordAudit } from "../audit/record";
import { clearSecondFactor } from "../auth/second-factor-store";
import { hashPassword, verifyPassword } from "../auth/password";
import { passwordProblem } from "../auth/password-policy";
import type { RequestContext } from "../auth/request-context";
import { changeOwnPasswordSchema, otpCodeSchema } from "../auth/schemas";
import { openSecret, sealSecret } from "../auth/secret-box";
import { revokeOtherSessions } from "../auth/sessions";
import { generateRecoveryCodes, generateTotpSecret, hashRecoveryCode, matchTotpStep, normalizeRecoveryCode } from "../auth/totp";
import { z } from "zod";
import { parseInput } from "../validation";

interface Request {
  signedIn: SignedIn;
  context: RequestContext;
  now: Date;
}

function auditOwn(signedIn: SignedIn, context: RequestContext) {
  const { principal } = signedIn;
  return {
    actor: { userId: principal.userId, organizationId: "organizationId" in principal ? principal.organizationId : null },
    fields: { entityType: "User", entityId: principal.userId, ip: context.ip, userAgent: context.userAgent },
  };
}

export async function changeOwnPassword({ signedIn, context, now, input }: Request & { input: unknown }): Promise<{ endedSessions: number }> {
  const data = parseInput(changeOwnPasswordSchema, input);
  const { principal } = signedIn;
  const problem = passwordProblem(data.password, principal.username);
  if (problem) throw new AppError("VALIDATION", problem, { password: [problem] });
  const user = await db.user.findUniqueOrThrow({ where: { id: principal.userId }, select: { passwordHash: true } });
  const { actor, fields } = auditOwn(signedIn, context);
  if (!(await verifyPassword(data.currentPassword, user.passwordHash))) {
    await db.$transaction((tx) => recordAudit(tx, actor, { ...fields, action: "user.change_own_password_refused" }));
    throw new AppError("VALIDATION", "当前密码不正确", { currentPassword: ["当前密码不正确"] });
  }
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: principal.userId }, data: { passwordHash, mustChangePassword: false, passwordChangedAt: now } });
    const endedSessions = await revokeOtherSessions(tx, { userId: principal.userId, keepSessionId: signedIn.sessionId, reason: "PASSWORD_CHANGED", now });
    await recordAudit(tx, actor, { ...fields, action: "user.change_own_password", after: { endedSessions } });
    return { endedSessions };
  });
}

/** Starts (or restarts) an enrolment: a new secret, kept until a code from it confirms it. */
export async function startSecondFactorEnrolment({ signedIn }: { signedIn: SignedIn }): Promise<void> {
  await db.user.update({ where: { id: signedIn.principal.userId }, data: { totpPendingSecret: sealSecret(generateTotpSecret()) } });
}

/** Confirms the pending secret with a code from the app: the second factor is on. Returns the recovery codes (shown once). */
export async function confirmSecondFactorEnrolment({ signedIn, context, now, input }: Request & { input: unknown }): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(z.object({ code: otpCodeSchema }), input);
  const userId = signedIn.principal.userId;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpPendingSecret: true } });
  const secret = user.totpPendingSecret ? openSecret(user.totpPendingSecret) : null;
  if (!secret) throw new AppError("INVALID_STATE", "请先点击“开始设置”，再扫描二维码");
  const step = matchTotpStep(secret, code, now);
  if (step === null) throw new AppError("VALIDATION", "验证码不正确：请确认手机时间准确，输入认证器应用当前显示的 6 位数字", { code: ["验证码不正确"] });
  const recoveryCodes = generateRecoveryCodes();
  const { actor, fields } = auditOwn(signedIn, context);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: sealSecret(secret), totpEnabledAt: now, totpLastStep: step, totpPendingSecret: null },
    });
    await replaceRecoveryCodes(tx, userId, recoveryCodes);
    const endedSessions = await revokeOtherSessions(tx, { userId, keepSessionId: signedIn.sessionId, reason: "SECOND_FACTOR_CHANGED", now });
    await recordAudit(tx, actor, { ...fields, action: "user.second_factor_enabled", after: { endedSessions } });
  });
  return { recoveryCodes };
}

/** New recovery codes (the old ones stop working), confirmed with a current code. */
export async function renewRecoveryCodes({ signedIn, context, now, input }: Request & { input: unknown }): Promise<{ recoveryCodes: string[] }> {
  const { code } = parseInput(z.object({ code: otpCodeSchema }), input);
  const userId = signedIn.principal.userId;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { totpSecret: true } });
  const secret = user.totpSecret ? openSecret(user.totpSecret) : null;
  if (!secret) throw new AppError("INVALID_STATE", "尚未设置双因素认证");
  const step = matchTotpStep(secret, code, now);
  const recoveryCodes = generateRecoveryCodes();
  const { actor, fields } = auditOwn(signedIn, context);
  await db.$transaction(async (tx) => {
    const fresh =
      step === null
        ? 0
        : await tx.$executeRaw`UPDATE "User" SET "totpLastStep" = ${step} WHERE "id" = ${userId} AND ("totpLastStep" IS NULL OR "totpLastStep" < ${step})`;
    if (fresh === 0) throw new AppError("VALIDATION", "验证码不正确或已使用过，请等下一个验证码", { code: ["验证码不正确"] });
    await replaceRecoveryCodes(tx, userId, recoveryCodes);
    await recordAudit(tx, actor, { ...fields, action: "user.recovery_codes_renewed" });
  });
  return { recoveryCodes };
}

/** Turns the second factor off, with the password; not where it is required. */
export async function removeOwnSecondFactor({ signedIn, context, now, input }: Request & { input: unknown }): Promise<void> {
  const { password } = parseInput(z.object({ password: z.string().min(1, "请输入密码").max(128) }), input);
  if (signedIn.totpRequired) throw new AppError("INVALID_STATE", "本单位要求管理员和负责人使用双因素认证，不能关闭");
  const userId = signedIn.principal.userId;
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(password, user.passwordHash))) throw new AppError("VALIDATION", "密码不正确", { password: ["密码不正确"] });
  const { actor, fields } = auditOwn(signedIn, context);
  await db.$transaction(async (tx) => {
    await clearSecondFactor(tx, userId, { endAllSessions: false });
    await revokeOtherSessions(tx, { userId, keepSessionId: signedIn.sessionId, reason: "SECOND_FACTOR_CHANGED", now });
    await recordAudit(tx, actor, { ...fields, action: "user.second_factor_removed" });
  });
}

async function replaceRecoveryCodes(tx: Transaction, userId: string, codes: string[]): Promise<void> {
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(normalizeRecoveryCode(code)!) })) });
}
