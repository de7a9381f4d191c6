// Operator-side user administration, for the command line: there is no signed-in actor (the first
// administrator of a new organization has nobody to create them), so the organization is named by
// its code and the audit event carries no actor but the operator's system account.
import { db } from "../db";
import { AppError } from "../errors";
import { currentOperator, recordAudit } from "../audit/record";
import { hashPassword } from "../auth/password";
import { organizationCodeSchema } from "../organizations/schemas";
import { parseInput } from "../validation";
import { createUserSchema } from "./schemas";
import { userAuditState } from "./mutations";

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
