// Operator-side user administration, for the command line: there is no signed-in actor (the first
// administrator of a new organization has nobody to create them), so the organization is named by
// its code and the audit event carries no actor but the operator's system account. Also the
// installation's operators (系统管理员) themselves, who belong to no organization.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { currentOperator, recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { clearSecondFactor } from "../auth/second-factor-store";
import { organizationCodeSchema } from "../organizations/schemas";
import { parseInput } from "../validation";
import { createOperatorSchema, createUserSchema } from "./schemas";
import { userAuditState } from "./mutations";
import { usernameSchema } from "../auth/schemas";

export async function createUserAsOperator({ organizationCode, input }: { organizationCode: string; input: unknown }) {
  const code = parseInput(organizationCodeSchema, organizationCode);
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { code }, select: { id: true, code: true, name: true } });
    if (!organization) throw new AppError("NOT_FOUND", `机构 ${code} 不存在`);
    const taken = await tx.user.findUnique({ where: { username: data.username }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `用户名 ${data.username} 已被使用`, { username: ["该用户名已被使用"] });
    const user = await tx.user.create({
      data: {
        organizationId: organization.id,
        username: data.username,
        displayName: data.displayName,
        role: data.role,
        passwordHash,
        mustChangePassword: true,
      },
    });
    await recordAudit(tx, null, {
      organizationId: organization.id,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: userAuditState(user),
      reason: "由运维人员通过命令行创建",
      operator: currentOperator(),
    });
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      organization: { code: organization.code, name: organization.name },
    };
  });
}

/** An operator (系统管理员) of the installation. They enrol a second factor at the first sign-in. */
export async function createOperator({ input }: { input: unknown }) {
  const data = parseInput(createOperatorSchema, input);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const taken = await tx.user.findUnique({ where: { username: data.username }, select: { id: true } });
    if (taken) throw new AppError("CONFLICT", `用户名 ${data.username} 已被使用`, { username: ["该用户名已被使用"] });
    const user = await tx.user.create({
      data: { organizationId: null, username: data.username, displayName: data.displayName, role: "OPERATOR", passwordHash },
    });
    await recordAudit(tx, null, {
      organizationId: null,
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { username: user.username, displayName: user.displayName, role: user.role },
      reason: "由运维人员通过命令行创建",
    });
    return { id: user.id, username: user.username, displayName: user.displayName };
  });
}

/** Removes any account's second factor (a lost phone) from the command line; the account's sessions end. */
export async function resetSecondFactorAsOperator({ username }: { username: string }) {
  const name = parseInput(usernameSchema, username);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { username: name }, select: { id: true, organizationId: true, totpEnabledAt: true } });
    if (!user) throw new AppError("NOT_FOUND", `用户 ${name} 不存在`);
    await clearSecondFactor(tx, user.id, { endAllSessions: true });
    await recordAudit(tx, null, {
      organizationId: user.organizationId,
      action: "user.reset_second_factor",
      entityType: "User",
      entityId: user.id,
      reason: "由运维人员通过命令行重置",
    });
    return { username: name, hadSecondFactor: Boolean(user.totpEnabledAt) };
  });
}
