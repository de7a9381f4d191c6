// Opening balances (rules.md §7): a bureau that starts using the system mid-stream enters 四
// (结转下年度继续办理) of the report it published for the year before its first year here, per
// applicant column, with the document it comes from — or imports its open cases. Check 3 of the first
// year compares 二 with the entered figures (lib/reports/checks.ts, rule carry_over_opening), and the
// report page says which basis check 3 used (getCarryOverBasis).
import "server-only";
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { dbDateFromIso } from "../calendar/dates";
import { parseInput } from "../validation";
import { APPLICANT_COLUMN_KEYS, COLUMN_LABELS, LAST_REPORT_YEAR } from "./definitions";
import type { OpeningCarriedOut } from "./checks";

/** The earliest year an opening balance can be for: the year before the first report in the 2019 format. */
export const FIRST_OPENING_BALANCE_YEAR = 2018;

const YEAR_MESSAGE = `年度应为 ${FIRST_OPENING_BALANCE_YEAR}–${LAST_REPORT_YEAR} 年`;

const countSchema = (label: string) =>
  z.coerce.number({ error: `${label}应为件数` }).int(`${label}应为整数`).min(0, `${label}不能为负数`).max(1_000_000, `${label}过大`);

export const openingBalanceInputSchema = z.object({
  year: z.coerce.number({ error: YEAR_MESSAGE }).int(YEAR_MESSAGE).min(FIRST_OPENING_BALANCE_YEAR, YEAR_MESSAGE).max(LAST_REPORT_YEAR, YEAR_MESSAGE),
  /** The six applicant columns; 总计 is their sum. */
  counts: z.object(
    Object.fromEntries(APPLICANT_COLUMN_KEYS.map((key) => [key, countSchema(COLUMN_LABELS[key])])) as Record<
      (typeof APPLICANT_COLUMN_KEYS)[number],
      ReturnType<typeof countSchema>
    >,
  ),
  source: z.string().trim().min(4, "请写明来源文件，如《××局2023年政府信息公开工作年度报告》").max(300, "来源最多 300 个字"),
  reason: z.string().trim().max(500, "理由最多 500 字").optional(),
  /** The version the form was loaded with (updatedAt as an ISO string), "" for a new entry. */
  expectedUpdatedAt: z.string().trim().max(40).default(""),
});

export const removeOpeningBalanceSchema = z.object({
  reason: z.string().trim().min(2, "请填写删除的理由").max(500, "理由最多 500 字"),
  expectedUpdatedAt: z.string().trim().max(40),
});

export interface OpeningBalanceView {
  year: number;
  /** Seven counts: the six applicant columns and 总计. */
  carriedOut: number[];
  source: string;
  enteredBy: string | null;
  updatedAt: Date;
}

const CONFLICT_MESSAGE = "期初余额已被他人修改：请刷新页面，核对最新内容后再保存";

function toView(row: { year: number; carriedOut: number[]; source: string; updatedAt: Date; enteredBy: { displayName: string } | null }): OpeningBalanceView {
  return { year: row.year, carriedOut: row.carriedOut, source: row.source, enteredBy: row.enteredBy?.displayName ?? null, updatedAt: row.updatedAt };
}

/** The organization's opening balance as check 3 reads it (no actor: called inside the report's own query). */
export async function findOpeningBalanceOf(
  organizationId: string,
  reader: { openingBalance: Pick<typeof db.openingBalance, "findUnique"> } = db,
): Promise<OpeningCarriedOut | null> {
  const row = await reader.openingBalance.findUnique({ where: { organizationId }, select: { year: true, carriedOut: true, source: true } });
  return row ? { year: row.year, carriedOut: row.carriedOut, source: row.source } : null;
}

/** The actor's organization's opening balance, and the year of its first case (any signed-in role may read). */
export async function getOpeningBalance({ actor }: { actor: Actor }) {
  const [row, firstCase, publishedYears] = await Promise.all([
    db.openingBalance.findUnique({ where: { organizationId: actor.organizationId }, include: { enteredBy: { select: { displayName: true } } } }),
    db.application.findFirst({ where: { organizationId: actor.organizationId, voidedAt: null }, orderBy: { receivedOn: "asc" }, select: { receivedOn: true } }),
    db.reportSnapshot.findMany({ where: { organizationId: actor.organizationId }, distinct: ["year"], select: { year: true }, orderBy: { year: "asc" } }),
  ]);
  return {
    balance: row ? toView(row) : null,
    firstCaseYear: firstCase ? firstCase.receivedOn.getUTCFullYear() : null,
    publishedYears: publishedYears.map((snapshot) => snapshot.year),
  };
}

/**
 * Enters or corrects the opening balance (managers and administrators). A correction needs a reason
 * and the version the form was loaded with: a change made meanwhile by someone else is not overwritten.
 */
export async function setOpeningBalance({ actor, input }: { actor: Actor; input: unknown }): Promise<OpeningBalanceView> {
  assertCan(actor, "report:opening-balance");
  const data = parseInput(openingBalanceInputSchema, input);
  const six = APPLICANT_COLUMN_KEYS.map((key) => data.counts[key]);
  const carriedOut = [...six, six.reduce((sum, count) => sum + count, 0)];
  return db.$transaction(async (tx) => {
    const published = await tx.reportSnapshot.findFirst({ where: { organizationId: actor.organizationId, year: data.year }, select: { version: true } });
    if (published) {
      throw new AppError("INVALID_STATE", `本机构已在系统中发布 ${data.year} 年度报告，核对将以已发布的报告为准，无需录入期初余额`, {
        year: ["该年度的报告已在本系统发布"],
      });
    }
    const existing = await tx.openingBalance.findUnique({ where: { organizationId: actor.organizationId } });
    if (existing) {
      if (data.expectedUpdatedAt !== existing.updatedAt.toISOString()) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
      if (!data.reason) throw new AppError("VALIDATION", "更正期初余额须说明理由", { reason: ["请填写更正的理由"] });
    } else if (data.expectedUpdatedAt !== "") {
      throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    }
    const values = { year: data.year, carriedOut, source: data.source, enteredById: actor.userId };
    const saved = await tx.openingBalance.upsert({
      where: { organizationId: actor.organizationId },
      create: { organizationId: actor.organizationId, ...values },
      update: values,
      include: { enteredBy: { select: { displayName: true } } },
    });
    const snapshotOf = (row: { year: number; carriedOut: number[]; source: string }): Prisma.InputJsonValue => ({
      year: row.year,
      carriedOut: row.carriedOut,
      source: row.source,
    });
    await recordAudit(tx, actor, {
      action: existing ? "opening_balance.correct" : "opening_balance.enter",
      entityType: "OpeningBalance",
      entityId: saved.id,
      before: existing ? snapshotOf(existing) : undefined,
      after: snapshotOf(saved),
      reason: data.reason || undefined,
    });
    return toView(saved);
  });
}

/** Removes the opening balance entered by mistake (managers and administrators), with a reason. */
export async function removeOpeningBalance({ actor, input }: { actor: Actor; input: unknown }): Promise<void> {
  assertCan(actor, "report:opening-balance");
  const data = parseInput(removeOpeningBalanceSchema, input);
  await db.$transaction(async (tx) => {
    const existing = await tx.openingBalance.findUnique({ where: { organizationId: actor.organizationId } });
    if (!existing) throw new AppError("NOT_FOUND", "本机构没有录入期初余额");
    if (data.expectedUpdatedAt !== existing.updatedAt.toISOString()) throw new AppError("CONFLICT", CONFLICT_MESSAGE);
    await tx.openingBalance.delete({ where: { id: existing.id } });
    await recordAudit(tx, actor, {
      action: "opening_balance.remove",
      entityType: "OpeningBalance",
      entityId: existing.id,
      before: { year: existing.year, carriedOut: existing.carriedOut, source: existing.source },
      reason: data.reason,
    });
  });
}

/** What check 3 of a year compares 二 with, for the report page (rules.md §7: "the report page says which"). */
export type CarryOverBasis =
  | { kind: "published"; previousYear: number; version: number }
  | { kind: "opening"; previousYear: number; source: string }
  /** The case log holds cases received before the year (registered or imported open cases). */
  | { kind: "cases"; previousYear: number; casesBefore: number }
  /** Nothing before the year: no published report, no opening balance, no earlier case. */
  | { kind: "none"; previousYear: number };

export async function getCarryOverBasis({ actor, year }: { actor: Actor; year: number }): Promise<CarryOverBasis> {
  const previousYear = year - 1;
  const [published, opening, casesBefore] = await Promise.all([
    db.reportSnapshot.findFirst({ where: { organizationId: actor.organizationId, year: previousYear }, orderBy: { version: "desc" }, select: { version: true } }),
    db.openingBalance.findUnique({ where: { organizationId: actor.organizationId }, select: { year: true, source: true } }),
    db.application.count({ where: { organizationId: actor.organizationId, receivedOn: { lt: dbDateFromIso(`${year}-01-01`) } } }),
  ]);
  if (published) return { kind: "published", previousYear, version: published.version };
  if (opening && opening.year === previousYear) return { kind: "opening", previousYear, source: opening.source };
  if (casesBefore > 0) return { kind: "cases", previousYear, casesBefore };
  return { kind: "none", previousYear };
}
