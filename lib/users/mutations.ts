// User administration. Every function checks that the actor is an administrator of the same
// organization as the user, and writes its audit event in the same transaction.
import "server-only";
import type { Prisma, Role } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { clearSecondFactor } from "../auth/second-factor-store";
import { recordAudit } from "../audit/record";
import { changeRoleSchema, createUserSchema, emailSettingsSchema, resetPasswordSchema, resetSecondFactorSchema, setUserActiveSchema } from "./schemas";
import { parseInput } from "../validation";

async function findOwnUser(tx: Transaction, actor: Actor, userId: string) {
  const user = await tx.user.findFirst({ where: { id: userId, organizationId: actor.organizationId } });
  if (!user) throw new AppError("NOT_FOUND", "未找到该用户");
  return user;
}

/** A user as every audit entry about users records it, before and after (never a password or its hash). */
export function userAuditState(user: {
  username: string;
  displayName: string;
  role: Role;
  active: boolean;
  email: string | null;
  emailDigest: boolean;
  failedLoginCount: number;
  lockedUntil: Date | null;
}) {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    active: user.active,
    email: user.email,
    emailDigest: user.emailDigest,
    failedLoginCount: user.failedLoginCount,
    lockedUntil: user.lockedUntil ? user.lockedUntil.toISOString() : null,
  };
}

async function assertAnotherActiveAdmin(tx: Transaction, actor: Actor, userId: string) {
  const others = await tx.user.count({
    where: { organizationId: actor.organizationId, role: "ADMIN", active: true, id: { not: userId } },
  });
  if (others === 0) throw new AppError("INVALID_STATE", "本单位至少需要保留一名启用的管理员");
}

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { username: data.username }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", "该用户名已被使用", { username: ["该用户名已被使用"] });
    const user = await tx.user.create({
      data: {
        organizationId: actor.organizationId,
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        passwordHash,
        // The administrator knows this password: the user chooses their own at first sign-in.
        mustChangePassword: true,
      },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: userAuditState(user),
    });
    return { id: user.id };
  });
}

export async function changeUserRole({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const { userId, role } = parseInput(changeRoleSchema, input);
  await db.$transaction(async (tx) => {
    const user = await findOwnUser(tx, actor, userId);
    if (user.role === role) return;
    if (user.role === "ADMIN") await assertAnotherActiveAdmin(tx, actor, user.id);
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: role as Role, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, actor, {
      action: "user.change_role",
      entityType: "User",
      entityId: user.id,
      before: userAuditState(user),
      after: userAuditState(updated),
    });
  });
}

export async function setUserActive({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const { userId, active } = parseInput(setUserActiveSchema, input);
  await db.$transaction(async (tx) => {
    const user = await findOwnUser(tx, actor, userId);
    if (user.active === active) return;
    if (!active && user.id === actor.userId) throw new AppError("INVALID_STATE", "不能停用自己的账户");
    if (!active && user.role === "ADMIN") await assertAnotherActiveAdmin(tx, actor, user.id);
    const data: Prisma.UserUpdateInput = active
      ? { active: true, failedLoginCount: 0, lockedUntil: null }
      : { active: false, sessionVersion: { increment: 1 } };
    const updated = await tx.user.update({ where: { id: user.id }, data });
    await recordAudit(tx, actor, {
      action: active ? "user.enable" : "user.disable",
      entityType: "User",
      entityId: user.id,
      before: userAuditState(user),
      after: userAuditState(updated),
    });
  });
}

/**
 * Sets a new password chosen by the administrator, unlocks the account and ends its sessions; the
 * user must choose their own password at the next sign-in.
 */
export async function resetUserPassword({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const { userId, password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await findOwnUser(tx, actor, userId);
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, actor, {
      action: "user.reset_password",
      entityType: "User",
      entityId: user.id,
      before: { ...userAuditState(user), passwordReset: false },
      after: { ...userAuditState(updated), passwordReset: true },
    });
  });
}

/** The address and opt-in for the daily deadline digest email. */
export async function setUserEmailSettings({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const { userId, email, emailDigest } = parseInput(emailSettingsSchema, input);
  await db.$transaction(async (tx) => {
    const user = await findOwnUser(tx, actor, userId);
    const after = { email: email || null, emailDigest };
    if (user.email === after.email && user.emailDigest === emailDigest) return;
    const updated = await tx.user.update({ where: { id: user.id }, data: after });
    await recordAudit(tx, actor, {
      action: "user.email_settings",
      entityType: "User",
      entityId: user.id,
      before: userAuditState(user),
      after: userAuditState(updated),
    });
  });
}

/**
 * Removes a user's second factor (a lost phone): the authenticator secret and the recovery codes go,
 * the user's sessions end, and where the organization requires a second factor the user enrols a new
 * one at the next sign-in.
 */
export async function resetUserSecondFactor({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "users:manage");
  const { userId } = parseInput(resetSecondFactorSchema, input);
  await db.$transaction(async (tx) => {
    const user = await findOwnUser(tx, actor, userId);
    if (!user.totpEnabledAt && !user.totpPendingSecret) throw new AppError("INVALID_STATE", "该用户尚未设置双因素认证");
    await clearSecondFactor(tx, user.id, { endAllSessions: true });
    await recordAudit(tx, actor, { action: "user.reset_second_factor", entityType: "User", entityId: user.id });
  });
}
