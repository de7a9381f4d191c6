import { db } from "../db";
import { AppError } from "../errors";
import { assertRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { createOrganizationSchema, organizationSettingsSchema } from "./schemas";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { recomputeOpenCases } from "../cases/mutations";
import { assertVersion, lockOrganizationRow, type ExpectedVersion } from "../concurrency/versions";

/**
 * Creates an organization. An operator's command (CLI, seed), not a user action: organizations are
 * set up by whoever runs the installation.
 */
export async function createOrganization({ input }: { input: unknown }) {
  const data = parseInput(createOrganizationSchema, input);
  return db.$transaction(async (tx) => {
    if (await tx.organization.findUnique({ where: { code: data.code } })) {
      throw new AppError("CONFLICT", `机构代码 ${data.code} 已存在`);
    }
    let parentId: string | undefined;
    if (data.parentCode) {
      const parent = await tx.organization.findUnique({ where: { code: data.parentCode } });
      if (!parent) throw new AppError("NOT_FOUND", `上级机构 ${data.parentCode} 不存在`);
      parentId = parent.id;
    }
    const organization = await tx.organization.create({ data: { code: data.code, name: data.name, parentId } });
    await recordAudit(tx, null, {
      organizationId: organization.id,
      action: "organization.create",
      entityType: "Organization",
      entityId: organization.id,
      after: { code: organization.code, name: organization.name, parentCode: data.parentCode ?? null },
    });
    return organization;
  });
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
  assertRole(actor, "ADMIN");
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
