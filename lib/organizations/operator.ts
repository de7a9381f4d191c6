// Changing an organization from the operator's command line (interfaces.md §2, `org set`): its name,
// its parent (the tree the roll-up follows, rules.md §8), the appealsBasis and feeStopsClock settings
// and the report deadline. An operator's command, not a user action: there is no actor; the change
// is audited without one. A parent that would make a cycle is refused.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { currentOperator, recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { loadWorkCalendar } from "../calendar/queries";
import type { IsoDate } from "../calendar/workdays";
import { recomputeOpenCases } from "../cases/mutations";
import { reportDeadlineSchema } from "../rollup/deadline";
import { createOrganizationSchema, organizationCodeSchema } from "./schemas";

export const operatorOrganizationUpdateSchema = z
  .object({
    name: createOrganizationSchema.shape.name.optional(),
    /** A code, or null for no parent. */
    parentCode: organizationCodeSchema.nullable().optional(),
    appealsBasis: z.enum(["FILED_IN_YEAR", "ACTIVE_IN_YEAR"], { message: "复议诉讼统计口径应为 FILED_IN_YEAR 或 ACTIVE_IN_YEAR" }).optional(),
    feeStopsClock: z.boolean().optional(),
    /** "MM-DD" for a government, null for a department (31 January). */
    reportDeadline: reportDeadlineSchema.nullable().optional(),
  })
  .refine((value) => Object.values(value).some((field) => field !== undefined), { message: "请至少指定一项要修改的设置" });

export interface OperatorOrganizationChange {
  code: string;
  name: string;
  parentCode: string | null;
  /** The settings that changed, as "setting: before → after". */
  changes: string[];
  /** Open cases replayed because feeStopsClock changed. */
  recomputedCases: number;
}

export async function updateOrganizationAsOperator({
  organizationCode,
  input,
  today,
}: {
  organizationCode: string;
  input: unknown;
  today: IsoDate;
}): Promise<OperatorOrganizationChange> {
  const code = parseInput(organizationCodeSchema, organizationCode);
  const data = parseInput(operatorOrganizationUpdateSchema, input);
  const result = await db.$transaction(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { code }, include: { parent: { select: { code: true } } } });
    if (!organization) throw new AppError("NOT_FOUND", `机构 ${code} 不存在`);

    let parentId = organization.parentId;
    if (data.parentCode !== undefined) {
      if (data.parentCode === null) parentId = null;
      else {
        if (data.parentCode === code) throw new AppError("VALIDATION", "机构不能是自己的上级");
        const parent = await tx.organization.findUnique({ where: { code: data.parentCode }, select: { id: true } });
        if (!parent) throw new AppError("NOT_FOUND", `上级机构 ${data.parentCode} 不存在`);
        // Walk up from the new parent: meeting this organization would make a cycle.
        const organizations = await tx.organization.findMany({ select: { id: true, code: true, parentId: true } });
        const byId = new Map(organizations.map((row) => [row.id, row]));
        for (let node = byId.get(parent.id); node; node = node.parentId ? byId.get(node.parentId) : undefined) {
          if (node.id === organization.id) throw new AppError("VALIDATION", `${data.parentCode} 是 ${code} 的下级机构，不能设为其上级（会形成循环）`);
        }
        parentId = parent.id;
      }
    }

    const before = {
      name: organization.name,
      parentCode: organization.parent?.code ?? null,
      appealsBasis: organization.appealsBasis,
      feeStopsClock: organization.feeStopsClock,
      reportDeadline: organization.reportDeadline,
    };
    const after = {
      name: data.name ?? before.name,
      parentCode: data.parentCode === undefined ? before.parentCode : data.parentCode,
      appealsBasis: data.appealsBasis ?? before.appealsBasis,
      feeStopsClock: data.feeStopsClock ?? before.feeStopsClock,
      reportDeadline: data.reportDeadline === undefined ? before.reportDeadline : data.reportDeadline,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => after[key] !== before[key]);
    let auditEventId: string | null = null;
    if (changed.length > 0) {
      await tx.organization.update({
        where: { id: organization.id },
        data: { name: after.name, parentId, appealsBasis: after.appealsBasis, feeStopsClock: after.feeStopsClock, reportDeadline: after.reportDeadline },
      });
      auditEventId = await recordAudit(tx, null, {
        organizationId: organization.id,
        operator: currentOperator(),
        action: "organization.operator_update",
        entityType: "Organization",
        entityId: organization.id,
        before,
        after,
      });
    }
    const show = (value: string | boolean | null) => (value === null ? "无" : value === true ? "on" : value === false ? "off" : value);
    return {
      id: organization.id,
      code,
      name: after.name,
      parentCode: after.parentCode,
      changes: changed.map((key) => `${key}: ${show(before[key])} → ${show(after[key])}`),
      feeStopsClockChanged: changed.includes("feeStopsClock"),
      auditEventId,
    };
  });
  // The statutory clock depends on feeStopsClock: replay the organization's open cases.
  const recomputedCases = result.feeStopsClockChanged
    ? await recomputeOpenCases({
        calendar: await loadWorkCalendar(),
        today,
        organizationId: result.id,
        cause: { actor: null, action: "organization.operator_update", auditEventId: result.auditEventId, description: "运维命令行修改机构设置（收费期间是否停止计时）" },
      })
    : 0;
  return { code: result.code, name: result.name, parentCode: result.parentCode, changes: result.changes, recomputedCases };
}
