// The date by which an organization's annual report is due (rules.md §8): a department's is 31 January;
// a government sets its own (by law 31 March). Administrators of the organization only; audited.
import "server-only";
import { z } from "zod";
import { db } from "../db";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { reportDeadlineSchema } from "./deadline";

export const reportDeadlineInputSchema = z.object({
  /** "MM-DD", or null / "" for a department (31 January). */
  reportDeadline: z.preprocess((value) => (value === "" ? null : value), reportDeadlineSchema.nullable()),
});

export async function setReportDeadline({ actor, input }: { actor: Actor; input: unknown }): Promise<{ reportDeadline: string | null; changed: boolean }> {
  assertCan(actor, "rollup:configure");
  const { reportDeadline } = parseInput(reportDeadlineInputSchema, input);
  return db.$transaction(async (tx) => {
    const before = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { reportDeadline: true } });
    if (before.reportDeadline === reportDeadline) return { reportDeadline, changed: false };
    await tx.organization.update({ where: { id: actor.organizationId }, data: { reportDeadline } });
    await recordAudit(tx, actor, {
      action: "organization.set_report_deadline",
      entityType: "Organization",
      entityId: actor.organizationId,
      before: { reportDeadline: before.reportDeadline },
      after: { reportDeadline },
    });
    return { reportDeadline, changed: true };
  });
}
