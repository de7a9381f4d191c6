import "server-only";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { assertOperator, type Actor, type OperatorActor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { createOrganizationSchema, organizationSettingsSchema, type CreateOrganizationInput } from "./schemas";
import { createOrganizationWithAdminSchema } from "./creation-schemas";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { recomputeOpenCases } from "../cases/mutations";
import { assertVersion, lockOrganizationRow, type ExpectedVersion } from "../concurrency/versions";

/**
 * Creates an organization. Only the installation's operators do this: from the operator's pages
 * (`operator`, who is audited) or the command line and the demo seed (no signed-in operator).
 */
export async function createOrganization({ input, operator = null }: { input: unknown; operator?: OperatorActor | null }) {
  const data = parseInput(createOrganizationSchema, input);
  return db.$transaction((tx) => insertOrganization(tx, data, operator));
}

/**
 * The operator's page: an organization and, in the same transaction, its first administrator, whose
 * initial password must be changed at the first sign-in.
 */
export async function createOrganizationWithAdmin({ operator, input }: { operator: OperatorActor; input: unknown }) {
  assertOperator(operator);
  const data = parseInput(createOrganizationWithAdminSchema, input);
  const passwordHash = await hashPassword(data.admin.password);
  return db.$transaction(async (tx) => {
    const organization = await insertOrganization(tx, data.organization, operator);
    if (await tx.user.findUnique({ where: { username: data.admin.username }, select: { id: true } })) {
      throw new AppError("CONFLICT", "该用户名已被使用", { adminUsername: ["该用户名已被使用"] });
    }
    const admin = await tx.user.create({
      data: {
        organizationId: organization.id,
        username: data.admin.username,
        displayName: data.admin.displayName,
        role: "ADMIN",
        passwordHash,
        mustChangePassword: true,
      },
    });
    await recordAudit(tx, operator, {
      organizationId: organization.id,
      action: "user.create",
      entityType: "User",
      entityId: admin.id,
      after: { username: admin.username, displayName: admin.displayName, role: admin.role },
    });
    return { organization, admin: { id: admin.id, username: admin.username } };
  });
}

async function insertOrganization(tx: Transaction, data: CreateOrganizationInput, operator: OperatorActor | null) {
  if (await tx.organization.findUnique({ where: { code: data.code } })) {
    throw new AppError("CONFLICT", `机构代码 ${data.code} 已存在`, { code: ["该机构代码已存在"] });
  }
  let parentId: string | undefined;
  if (data.parentCode) {
    const parent = await tx.organization.findUnique({ where: { code: data.parentCode } });
    if (!parent) throw new AppError("NOT_FOUND", `上级机构 ${data.parentCode} 不存在`, { parentCode: ["上级机构不存在"] });
    parentId = parent.id;
  }
  const organization = await tx.organization.create({ data: { code: data.code, name: data.name, parentId, requireTotp: data.requireTotp } });
  await recordAudit(tx, operator, {
    organizationId: organization.id,
    action: "organization.create",
    entityType: "Organization",
    entityId: organization.id,
    after: { code: organization.code, name: organization.name, parentCode: data.parentCode ?? null, requireTotp: organization.requireTotp },
  });
  return organization;
}

/**
 * The organization's settings (administrators). The form carries the version it was loaded with: the
 * row is locked, then read and compared, so that two administrators saving at once never overwrite
 * each other silently (docs/decisions/0010).
 */
export async function updateOrganizationSettings({
  actor,
  input,
  expectedVersion,
  today,
}: {
  actor: Actor;
  input: unknown;
  /** The organization's version as the form was loaded (see ExpectedVersion). */
  expectedVersion: ExpectedVersion;
  today: IsoDate;
}): Promise<{ version: number }> {
  assertCan(actor, "organization:configure");
  const data = parseInput(organizationSettingsSchema, input);
  const { version, auditEventId } = await db.$transaction(async (tx) => {
    if (!(await lockOrganizationRow(tx, actor.organizationId))) throw new AppError("NOT_FOUND", "未找到本机构");
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId } });
    await assertVersion(tx, { type: "Organization", id: before.id, version: before.version }, expectedVersion);
    const updated = await tx.organization.update({ where: { id: actor.organizationId }, data, select: { version: true } });
    const auditEventId = await recordAudit(tx, actor, {
      action: "organization.update_settings",
      entityType: "Organization",
      entityId: actor.organizationId,
      before: {
        name: before.name,
        appealsBasis: before.appealsBasis,
        feeStopsClock: before.feeStopsClock,
        caseNumberPrefix: before.caseNumberPrefix,
        caseNumberPattern: before.caseNumberPattern,
        requireTotp: before.requireTotp,
      },
      after: data,
    });
    return { version: updated.version, auditEventId };
  });
  // The statutory clock depends on feeStopsClock: replay the organization's open cases.
  const cause = { actor, action: "organization.update_settings", auditEventId, description: "机构设置变更（收费期间是否停止计时等）" };
  await recomputeOpenCases({ calendar: await loadWorkCalendar(), today, organizationId: actor.organizationId, cause });
  return { version };
}
