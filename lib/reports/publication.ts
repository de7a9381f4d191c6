// The year's report as managers work on it: the editable draft (sections 一, 五, 六 and table 二),
// publication as a frozen snapshot (figures, checks, the cases behind every cell, table 二 and text),
// and the differences between the latest published version and today's figures.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import { db } from "../db";
import { AppError } from "../errors";
import { assertRole, type Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { parseInput } from "../validation";
import { isoDateFromDb } from "../calendar/queries";
import { activeDisclosureSchema } from "./active-disclosure";
import {
  COLUMN_KEYS,
  describeReportCell,
  parseReportCellId,
  reportCellIds,
  reportRequestSchema,
  type ReportCells,
  type ReportCellId,
  type ReportFormat,
  type ReportJson,
} from "./definitions";
import { computeReportModel, reportYearBounds } from "./model";
import { computeReport } from "./queries";
import { assertReportSectionsFill, type ReportSections } from "./document";

const EMPTY_SECTIONS: ReportSections = { overview: "", problems: "", other: "" };

const sectionsSchema = z.object({
  overview: z.string().max(20_000, "总体情况最多 20000 字").default(""),
  problems: z.string().max(20_000, "存在的主要问题及改进情况最多 20000 字").default(""),
  other: z.string().max(20_000, "其他需要报告的事项最多 20000 字").default(""),
});

function readSections(value: Prisma.JsonValue | null | undefined): ReportSections {
  const parsed = sectionsSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : EMPTY_SECTIONS;
}

function readDisclosure(value: Prisma.JsonValue | null | undefined): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}

const snapshotReportSchema = z
  .object({ cells: z.record(z.string(), z.array(z.string())).default({}) })
  .passthrough();

export interface PublishedVersion {
  version: number;
  format: ReportFormat;
  reason: string | null;
  publishedAt: Date;
  publishedBy: string | null;
}

export interface ReportDifference {
  cell: ReportCellId;
  description: string;
  published: number | string;
  current: number | string;
  /** Case ids counted now but not at publication, and the reverse. */
  addedCaseIds: string[];
  removedCaseIds: string[];
}

function cellValue(report: Pick<ReportJson, "applications" | "appeals" | "fees">, cell: ReportCellId, format: ReportFormat): number | string {
  const parsed = parseReportCellId(cell, format);
  if (!parsed) return 0;
  if (parsed.table === "applications") {
    const counts = report.applications.rows[parsed.row] ?? [];
    return counts[COLUMN_KEYS.indexOf(parsed.column)] ?? 0;
  }
  if (parsed.table === "appeals") return report.appeals[parsed.group][parsed.column];
  return report.fees[parsed.fee];
}

/** The cases (and proceedings) behind every non-zero cell, from the pure model over the year's records. */
async function computeReportCells(organizationId: string, year: number, format: ReportFormat): Promise<ReportCells> {
  const bounds = reportYearBounds(year);
  const start = new Date(`${bounds.start}T00:00:00Z`);
  const end = new Date(`${bounds.end}T00:00:00Z`);
  const [organization, cases, proceedings] = await Promise.all([
    db.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { appealsBasis: true } }),
    db.application.findMany({
      where: {
        organizationId,
        OR: [
          { receivedOn: { lte: end }, OR: [{ closedOn: null }, { closedOn: { gte: start } }] },
          { feeNoticeOn: { gte: start, lte: end } },
          { feePaidOn: { gte: start, lte: end } },
        ],
      },
      select: { id: true, applicantType: true, receivedOn: true, closedOn: true, outcome: true, feeNoticeOn: true, feeAmount: true, feePaidOn: true, feePaidAmount: true },
    }),
    db.proceeding.findMany({
      where: { organizationId, filedOn: { lte: end }, OR: [{ decidedOn: null }, { decidedOn: { gte: start } }] },
      select: { id: true, applicationId: true, kind: true, route: true, onlyCoDefendantAsReviewOrgan: true, filedOn: true, result: true, decidedOn: true },
    }),
  ]);
  const date = (value: Date | null) => (value ? isoDateFromDb(value) : null);
  return computeReportModel({
    year,
    format,
    appealsBasis: organization.appealsBasis,
    cases: cases.map((row) => ({
      ...row,
      receivedOn: isoDateFromDb(row.receivedOn),
      closedOn: date(row.closedOn),
      feeNoticeOn: date(row.feeNoticeOn),
      feePaidOn: date(row.feePaidOn),
      feeAmount: row.feeAmount?.toFixed(2) ?? null,
      feePaidAmount: row.feePaidAmount?.toFixed(2) ?? null,
    })),
    proceedings: proceedings.map((row) => ({ ...row, filedOn: isoDateFromDb(row.filedOn), decidedOn: date(row.decidedOn) })),
  }).cells;
}

/** The year's editable text and table 二 (empty when nothing was saved yet). */
export async function getReportDraft({ actor, year }: { actor: Actor; year: number }) {
  const draft = await db.reportDraft.findUnique({ where: { organizationId_year: { organizationId: actor.organizationId, year } } });
  return { sections: readSections(draft?.sections), activeDisclosure: readDisclosure(draft?.activeDisclosure), updatedAt: draft?.updatedAt ?? null };
}

/** Everything the report page shows for a year. Any signed-in role may read. */
export async function getReportWorkspace({ actor, year, format }: { actor: Actor; year: number; format?: ReportFormat }) {
  const request = parseInput(reportRequestSchema, { year, format });
  const [report, draft, snapshots] = await Promise.all([
    computeReport({ actor, year: request.year, format: request.format }),
    getReportDraft({ actor, year: request.year }),
    db.reportSnapshot.findMany({
      where: { organizationId: actor.organizationId, year: request.year },
      orderBy: { version: "desc" },
      include: { publishedBy: { select: { displayName: true } } },
    }),
  ]);
  const latest = snapshots[0] ?? null;
  let differences: ReportDifference[] | null = null;
  if (latest && latest.format === request.format) {
    const published = latest.report as unknown as ReportJson;
    const publishedCells = snapshotReportSchema.parse(latest.report).cells as ReportCells;
    const currentCells = await computeReportCells(actor.organizationId, request.year, request.format);
    differences = [];
    for (const cell of reportCellIds(request.format)) {
      const before = cellValue(published, cell, request.format);
      const now = cellValue(report, cell, request.format);
      const beforeIds = new Set(publishedCells[cell] ?? []);
      const nowIds = new Set(currentCells[cell] ?? []);
      const added = [...nowIds].filter((id) => !beforeIds.has(id));
      const removed = [...beforeIds].filter((id) => !nowIds.has(id));
      if (String(before) !== String(now) || added.length > 0 || removed.length > 0) {
        const parsed = parseReportCellId(cell, request.format)!;
        differences.push({ cell, description: describeReportCell(parsed, request.format), published: before, current: now, addedCaseIds: added, removedCaseIds: removed });
      }
    }
  }
  return {
    year: request.year,
    format: request.format,
    report,
    sections: draft.sections,
    activeDisclosure: draft.activeDisclosure,
    draftUpdatedAt: draft.updatedAt,
    versions: snapshots.map<PublishedVersion>((snapshot) => ({
      version: snapshot.version,
      format: snapshot.format as ReportFormat,
      reason: snapshot.reason,
      publishedAt: snapshot.publishedAt,
      publishedBy: snapshot.publishedBy?.displayName ?? null,
    })),
    latestPublished: latest
      ? {
          version: latest.version,
          format: latest.format as ReportFormat,
          report: latest.report as unknown as ReportJson,
          sections: readSections(latest.sections),
          activeDisclosure: readDisclosure(latest.activeDisclosure),
          publishedAt: latest.publishedAt,
        }
      : null,
    differences,
  };
}

export type ReportWorkspace = Awaited<ReturnType<typeof getReportWorkspace>>;

const saveDraftSchema = z.object({
  year: z.number().int(),
  format: z.enum(["2019", "2021"]),
  sections: sectionsSchema,
  activeDisclosure: z.record(z.string(), z.string()),
});

/** Managers and administrators edit the draft: the narrative sections and table 二. */
export async function saveReportDraft({ actor, input }: { actor: Actor; input: unknown }) {
  assertRole(actor, "MANAGER", "ADMIN");
  const data = parseInput(saveDraftSchema, input);
  assertReportSectionsFill(data.sections);
  const request = parseInput(reportRequestSchema, { year: data.year, format: data.format });
  const disclosure = parseInput(activeDisclosureSchema(request.format), data.activeDisclosure);
  await db.$transaction(async (tx) => {
    const where = { organizationId_year: { organizationId: actor.organizationId, year: request.year } };
    const existing = await tx.reportDraft.findUnique({ where });
    // Keep the values of the other format's table 二 fields: switching format must lose nothing.
    const mergedDisclosure = { ...readDisclosure(existing?.activeDisclosure), ...disclosure };
    const values = { sections: data.sections, activeDisclosure: mergedDisclosure, updatedById: actor.userId };
    await tx.reportDraft.upsert({ where, create: { organizationId: actor.organizationId, year: request.year, ...values }, update: values });
    await recordAudit(tx, actor, { action: "report.save_draft", entityType: "ReportDraft", entityId: `${request.year}`, after: values });
  });
}

const publishSchema = z.object({
  year: z.number().int(),
  format: z.enum(["2019", "2021"]),
  reason: z.string().trim().max(500, "理由最多 500 字").optional(),
});

/**
 * Freezes the year's report as the next version. All checks must pass; publishing again needs a reason.
 */
export async function publishReport({ actor, input }: { actor: Actor; input: unknown }) {
  assertRole(actor, "MANAGER", "ADMIN");
  const data = parseInput(publishSchema, input);
  const request = parseInput(reportRequestSchema, { year: data.year, format: data.format });
  const report = await computeReport({ actor, year: request.year, format: request.format });
  const failing = report.checks.filter((check) => !check.ok);
  if (failing.length > 0) {
    throw new AppError("INVALID_STATE", `报告未通过核对，不能发布：${failing.map((check) => check.detail).join("；")}`);
  }
  const cells = await computeReportCells(actor.organizationId, request.year, request.format);
  return db.$transaction(async (tx) => {
    const previous = await tx.reportSnapshot.findFirst({
      where: { organizationId: actor.organizationId, year: request.year },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    if (previous && !data.reason) throw new AppError("VALIDATION", "再次发布须说明理由（将生成新的版本）", { reason: ["请填写再次发布的理由"] });
    const draft = await tx.reportDraft.findUnique({ where: { organizationId_year: { organizationId: actor.organizationId, year: request.year } } });
    const version = (previous?.version ?? 0) + 1;
    const snapshot = await tx.reportSnapshot.create({
      data: {
        organizationId: actor.organizationId,
        year: request.year,
        version,
        format: request.format,
        report: { ...report, cells } as unknown as Prisma.InputJsonValue,
        sections: readSections(draft?.sections) as unknown as Prisma.InputJsonValue,
        activeDisclosure: readDisclosure(draft?.activeDisclosure),
        reason: data.reason || null,
        publishedById: actor.userId,
      },
    });
    await recordAudit(tx, actor, {
      action: "report.publish",
      entityType: "ReportSnapshot",
      entityId: snapshot.id,
      after: { year: request.year, version, format: request.format },
      reason: data.reason,
    });
    return { version };
  });
}

/** One published version's frozen content, for exports of what was published. */
export async function getPublishedReport({ actor, year, version }: { actor: Actor; year: number; version: number }) {
  const snapshot = await db.reportSnapshot.findFirst({ where: { organizationId: actor.organizationId, year, version } });
  if (!snapshot) throw new AppError("NOT_FOUND", "未找到该版本");
  return {
    report: snapshot.report as unknown as ReportJson,
    sections: readSections(snapshot.sections),
    activeDisclosure: readDisclosure(snapshot.activeDisclosure),
    format: snapshot.format as ReportFormat,
  };
}
