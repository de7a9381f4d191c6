// The year's report as managers work on it: the editable draft (sections 一, 五, 六 and table 二, with
// its version so that a stale save is refused), publication as a frozen snapshot, and the differences
// between the latest published version and today's figures.
//
// A publication reads the figures, the checks, the ids behind every cell, the draft and the
// organization's name in ONE transaction at REPEATABLE READ and writes the snapshot in it
// (docs/decisions/0020): colleagues closing or reopening cases meanwhile change neither a figure nor
// its list, so every frozen figure equals the number of ids stored behind it.
import "server-only";
import { Prisma } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { findAuditEntriesOf } from "../audit/queries";
import { formatDateTime } from "../format";
import { parseInput } from "../validation";
import { activeDisclosureSchema } from "./active-disclosure";
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  APPLICANT_COLUMN_KEYS,
  COLUMN_KEYS,
  LEAF_KEYS,
  ROW_KEYS,
  appealsCellId,
  applicationsCellId,
  describeReportCell,
  parseReportCellId,
  reportCellIds,
  reportRequestSchema,
  type ReportCells,
  type ReportCellId,
  type ReportFormat,
  type ReportJson,
} from "./definitions";
import {
  REPORT_SNAPSHOT_TRANSACTION,
  readConsistently,
  readReport,
  reportCellListCounts,
  reportCellListsObject,
  reportCellListsWith,
  type ReportReading,
} from "./queries";
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

const snapshotCellsSchema = z.object({ cells: z.record(z.string(), z.array(z.string())).default({}) }).passthrough();

/** The ids a snapshot stores behind its cells (none for a snapshot without them). */
function readSnapshotCells(report: Prisma.JsonValue): ReportCells {
  const parsed = snapshotCellsSchema.safeParse(report);
  return parsed.success ? (parsed.data.cells as ReportCells) : {};
}

/** The report as data of a snapshot (as stored), without the cell lists it also stores. */
function readSnapshotReport(report: Prisma.JsonValue): ReportJson {
  if (report === null || typeof report !== "object" || Array.isArray(report)) return report as unknown as ReportJson;
  const { cells: _cells, ...rest } = report;
  return rest as unknown as ReportJson;
}

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

/**
 * What cannot be true of a report read from one snapshot, in words: a figure that differs from the
 * number of ids stored behind it, an id listed twice in a cell, an amount's list that differs from its
 * count's, a 总计 (or （七）) list that is not the union of the lists it adds up. Empty for every reading
 * of one snapshot: publication refuses anything else, and the tests and the fault suite check every
 * stored version with it.
 */
export function readingContradictions(reading: ReportReading): string[] {
  const { report, cells } = reading;
  const { format } = report;
  const contradictions: string[] = [];
  const ids = (cell: ReportCellId) => cells[cell] ?? [];
  const sameSet = (left: readonly string[], right: readonly string[]) => left.length === right.length && [...left].sort().join() === [...right].sort().join();
  for (const cell of reportCellIds(format)) {
    const listed = ids(cell);
    if (new Set(listed).size !== listed.length) contradictions.push(`${cell}：清单中有重复的编号`);
    if (cell === "fees.amount_noticed") {
      if (!sameSet(listed, ids("fees.notices"))) contradictions.push(`${cell}：清单与收费通知件数的清单不同`);
    } else if (cell === "fees.amount_collected") {
      if (report.fees.amount_collected !== "0.00" && listed.length === 0) contradictions.push(`${cell}：有金额而无缴费案件`);
    } else if (cellValue(report, cell, format) !== listed.length) {
      contradictions.push(`${cell}：数字 ${cellValue(report, cell, format)}，清单 ${listed.length} 件`);
    }
  }
  const union = (cellIds: readonly ReportCellId[]) => cellIds.flatMap(ids);
  for (const row of ROW_KEYS[format]) {
    const columns = APPLICANT_COLUMN_KEYS.map((column) => applicationsCellId(row, column));
    if (!sameSet(ids(applicationsCellId(row, "total")), union(columns))) contradictions.push(`applications.${row}：总计的清单不是各列清单之和`);
  }
  for (const column of COLUMN_KEYS) {
    const leaves = LEAF_KEYS[format].map((leaf) => applicationsCellId(leaf, column));
    if (!sameSet(ids(applicationsCellId("closed_total", column)), union(leaves))) contradictions.push(`applications.closed_total.${column}：（七）的清单不是各办理结果清单之和`);
  }
  for (const group of APPEAL_GROUP_KEYS) {
    const columns = APPEAL_COLUMN_KEYS.filter((column) => column !== "total").map((column) => appealsCellId(group, column));
    if (!sameSet(ids(appealsCellId(group, "total")), union(columns))) contradictions.push(`appeals.${group}：总计的清单不是各列清单之和`);
  }
  return contradictions;
}

/**
 * readingContradictions' figure and duplicate checks, for lists PostgreSQL built and kept (a
 * publication): `counts` holds, per listed cell, [its number of ids, its number of distinct ids].
 * The unions hold by construction there (each scanned row goes into its cell and its 总计 at once);
 * tests/report.integration.test.ts runs readingContradictions on stored versions.
 */
function cellCountContradictions(report: ReportJson, counts: Readonly<Record<string, readonly [number, number]>>): string[] {
  const { format } = report;
  const contradictions: string[] = [];
  const known = new Set<string>(reportCellIds(format));
  for (const cell of Object.keys(counts)) if (!known.has(cell)) contradictions.push(`${cell}：报表中没有这一格`);
  const countOf = (cell: ReportCellId) => counts[cell]?.[0] ?? 0;
  for (const cell of reportCellIds(format)) {
    const [listed, distinct] = counts[cell] ?? [0, 0];
    if (distinct !== listed) contradictions.push(`${cell}：清单中有重复的编号`);
    if (cell === "fees.amount_noticed") {
      if (listed !== countOf("fees.notices")) contradictions.push(`${cell}：清单与收费通知件数的清单不同`);
    } else if (cell === "fees.amount_collected") {
      if (report.fees.amount_collected !== "0.00" && listed === 0) contradictions.push(`${cell}：有金额而无缴费案件`);
    } else if (cellValue(report, cell, format) !== listed) {
      contradictions.push(`${cell}：数字 ${cellValue(report, cell, format)}，清单 ${listed} 件`);
    }
  }
  return contradictions;
}

/**
 * Rule 1 of rules.md §6 case by case: per column, the cases of 一 and 二 are exactly those of （七） and
 * 四, and none is both closed and carried over. Holds for every snapshot whose checks pass; a reading
 * mixing two moments of the database breaks it (a case moved between reads shows up on one side only).
 */
export function balanceContradictions(reading: ReportReading): string[] {
  const ids = (row: "new_received" | "carried_in" | "closed_total" | "carried_out", column: (typeof COLUMN_KEYS)[number]) =>
    reading.cells[applicationsCellId(row, column)] ?? [];
  const contradictions: string[] = [];
  for (const column of COLUMN_KEYS) {
    const counted = [...ids("new_received", column), ...ids("carried_in", column)].sort().join();
    const accounted = [...ids("closed_total", column), ...ids("carried_out", column)].sort().join();
    if (counted !== accounted) contradictions.push(`${column}：一、二的案件与（七）、四的案件不同`);
  }
  return contradictions;
}

/**
 * Per cell of the format, what changed between two readings: the figure, and the ids that entered or
 * left its list. The report page passes only the lists of the cells whose digests differ; the tests
 * pass every list, the computation the page is held equal to.
 */
export function differencesBetween(published: ReportReading, current: ReportReading, format: ReportFormat): ReportDifference[] {
  const differences: ReportDifference[] = [];
  for (const cell of reportCellIds(format)) {
    const before = cellValue(published.report, cell, format);
    const now = cellValue(current.report, cell, format);
    const beforeIds = new Set(published.cells[cell] ?? []);
    const nowIds = new Set(current.cells[cell] ?? []);
    const added = [...nowIds].filter((id) => !beforeIds.has(id));
    const removed = [...beforeIds].filter((id) => !nowIds.has(id));
    if (String(before) !== String(now) || added.length > 0 || removed.length > 0) {
      const parsed = parseReportCellId(cell, format)!;
      differences.push({ cell, description: describeReportCell(parsed, format), published: before, current: now, addedCaseIds: added, removedCaseIds: removed });
    }
  }
  return differences;
}

// ---------------------------------------------------------------------------------------------
// The draft

type DraftReader = Pick<Transaction, "reportDraft">;

async function findDraft(reader: DraftReader, organizationId: string, year: number) {
  return reader.reportDraft.findUnique({
    where: { organizationId_year: { organizationId, year } },
    include: { updatedBy: { select: { displayName: true } } },
  });
}

function draftOf(draft: Awaited<ReturnType<typeof findDraft>>) {
  return {
    sections: readSections(draft?.sections),
    activeDisclosure: readDisclosure(draft?.activeDisclosure),
    /** 0 while nothing was saved; a save carries the version its form was loaded with. */
    version: draft?.version ?? 0,
    updatedAt: draft && draft.version > 0 ? draft.updatedAt : null,
    updatedBy: draft && draft.version > 0 ? (draft.updatedBy?.displayName ?? null) : null,
  };
}

export type ReportDraftState = ReturnType<typeof draftOf>;

/** The year's editable text and table 二 (empty when nothing was saved yet), with its version. */
export async function getReportDraft({ actor, year }: { actor: Actor; year: number }): Promise<ReportDraftState> {
  return draftOf(await findDraft(db, actor.organizationId, year));
}

/** "李负责 于 2026-12-02 14:03" — who saved or published what the actor did not see. */
function savedBy(name: string | null | undefined, at: Date): string {
  return `${name ?? "其他用户"} 于 ${formatDateTime(at)}`;
}

const saveDraftSchema = z.object({
  year: z.number().int(),
  format: z.enum(["2019", "2021"]),
  /** The draft's version when the form was loaded (0: nothing saved yet). */
  version: z.number({ error: "缺少草稿版本，请刷新页面后重试" }).int().nonnegative(),
  sections: sectionsSchema,
  activeDisclosure: z.record(z.string(), z.string()),
});

/**
 * Managers and administrators edit the draft: the narrative sections and table 二. The draft's row is
 * locked first (created empty when there is none); a form loaded at an older version is then refused
 * with who saved when, so that two people editing at once never overwrite each other silently.
 */
export async function saveReportDraft({ actor, input }: { actor: Actor; input: unknown }): Promise<{ version: number }> {
  assertCan(actor, "report:publish");
  const data = parseInput(saveDraftSchema, input);
  assertReportSectionsFill(data.sections);
  const request = parseInput(reportRequestSchema, { year: data.year, format: data.format });
  const disclosure = parseInput(activeDisclosureSchema(request.format), data.activeDisclosure);
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "ReportDraft" ("id", "organizationId", "year", "updatedAt")
      VALUES (${randomUUID()}, ${actor.organizationId}, ${request.year}, now())
      ON CONFLICT ("organizationId", "year") DO NOTHING`;
    await tx.$queryRaw`
      SELECT 1 FROM "ReportDraft" WHERE "organizationId" = ${actor.organizationId} AND "year" = ${request.year} FOR UPDATE`;
    // After the lock: the row as the last committed save left it.
    const existing = await findDraft(tx, actor.organizationId, request.year);
    if (!existing) throw new AppError("NOT_FOUND", "未找到报告草稿");
    if (existing.version !== data.version) {
      throw new AppError(
        "CONFLICT",
        `报告草稿已由 ${savedBy(existing.updatedBy?.displayName, existing.updatedAt)} 保存过（您打开页面后），本次未保存，以免覆盖其修改。` +
          "您填写的内容仍在表单中：请先复制，刷新页面查看最新草稿后再合并保存。",
      );
    }
    // Keep the values of the other format's table 二 fields: switching format must lose nothing.
    const before = { sections: { ...readSections(existing.sections) }, activeDisclosure: readDisclosure(existing.activeDisclosure), version: existing.version };
    const after = { sections: { ...data.sections }, activeDisclosure: { ...before.activeDisclosure, ...disclosure }, version: existing.version + 1 };
    await tx.reportDraft.update({ where: { id: existing.id }, data: { ...after, updatedById: actor.userId } });
    await recordAudit(tx, actor, {
      action: "report.save_draft",
      entityType: "ReportDraft",
      entityId: `${request.year}`,
      before: existing.version > 0 ? before : undefined,
      after,
    });
    return { version: after.version };
  });
}

// ---------------------------------------------------------------------------------------------
// Publication

/**
 * The organization's name when a version was published: stored with the version; for versions published
 * before it was stored, the name the audit shows in force then (the "before" of the first rename after
 * publication), else today's name.
 */
async function organizationNameAtPublication(snapshot: { organizationId: string; organizationName: string | null; publishedAt: Date }): Promise<string> {
  if (snapshot.organizationName) return snapshot.organizationName;
  const renames = await findAuditEntriesOf({ entityType: "Organization", entityId: snapshot.organizationId, action: "organization.update_settings", since: snapshot.publishedAt });
  for (const entry of renames) {
    const before = z.object({ name: z.string().min(1) }).safeParse(entry.before);
    const after = z.object({ name: z.string().min(1) }).safeParse(entry.after);
    if (before.success && (!after.success || after.data.name !== before.data.name)) return before.data.name;
  }
  const organization = await db.organization.findUniqueOrThrow({ where: { id: snapshot.organizationId }, select: { name: true } });
  return organization.name;
}

/**
 * Today's reading and a stored version's, for their differences, with the ids of only the cells whose
 * digests differ: each side's digest of a cell is its number of ids and the sum of their 64-bit hashes
 * (readReport's "digests" from the groups of the figures' statements; here from the stored list). Equal
 * digests are equal lists but for a hash collision, so such a cell adds or removes no case and both
 * sides leave it empty; every other cell is compared id by id as before (today's ids from readReport's
 * own lists). At 1,000,000 cases the ~650,000 ids of either side stay in PostgreSQL unless they differ.
 */
async function readDifferingCells(
  tx: Transaction,
  snapshotId: string,
  current: ReportReading,
  reading: Omit<Parameters<typeof readReport>[1], "withCells">,
): Promise<{ published: ReportReading; current: ReportReading }> {
  const [snapshot] = await tx.$queryRaw<{ report: Prisma.JsonValue; digests: Record<string, string> | null }[]>`
    SELECT s."report" - 'cells' AS "report",
      (SELECT jsonb_object_agg(c."key", d."digest")
       FROM jsonb_each(CASE WHEN jsonb_typeof(s."report" -> 'cells') = 'object' THEN s."report" -> 'cells' ELSE '{}'::jsonb END) AS c("key", "value")
       CROSS JOIN LATERAL (
         SELECT count(*) AS "count", count(*)::text || ':' || sum(hashtextextended(e."id", 0))::text AS "digest"
         FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(c."value") = 'array' THEN c."value" ELSE '[]'::jsonb END) AS e("id")
       ) AS d
       WHERE d."count" > 0) AS "digests"
    FROM "ReportSnapshot" s WHERE s."id" = ${snapshotId}`;
  if (!snapshot) throw new AppError("NOT_FOUND", "未找到该版本");
  const publishedDigests = snapshot.digests ?? {};
  const currentDigests: Record<string, string | undefined> = current.cellDigests ?? {};
  const differing = [...new Set([...Object.keys(publishedDigests), ...Object.keys(currentDigests)])].filter((cell) => publishedDigests[cell] !== currentDigests[cell]);
  const report = readSnapshotReport(snapshot.report);
  if (differing.length === 0) return { published: { report, cells: {} }, current: { report: current.report, cells: {} } };
  const [stored] = await tx.$queryRaw<{ cells: Prisma.JsonValue }[]>`
    SELECT (SELECT COALESCE(jsonb_object_agg(c."key", c."value"), '{}'::jsonb) FROM jsonb_each(s."report" -> 'cells') AS c("key", "value") WHERE c."key" = ANY(${differing}::text[])) AS "cells"
    FROM "ReportSnapshot" s WHERE s."id" = ${snapshotId} AND jsonb_typeof(s."report" -> 'cells') = 'object'`;
  const today = (await readReport(tx, { ...reading, withCells: true })).cells;
  const differingCells = (cells: ReportCells): ReportCells => Object.fromEntries(differing.map((cell) => [cell, cells[cell as ReportCellId] ?? []]));
  return {
    published: { report, cells: differingCells(readSnapshotCells({ cells: stored?.cells ?? {} })) },
    current: { report: current.report, cells: differingCells(today) },
  };
}

/** Everything the report page shows for a year, read from one snapshot of the database. Any signed-in role may read. */
export async function getReportWorkspace({ actor, year, format }: { actor: Actor; year: number; format?: ReportFormat }) {
  const request = parseInput(reportRequestSchema, { year, format });
  const organizationId = actor.organizationId;
  const { current, draft, snapshots, latest, frozen } = await readConsistently(async (tx) => {
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true, code: true, appealsBasis: true } });
    if (!organization) throw new AppError("NOT_FOUND", "未找到本机构");
    const snapshots = await tx.reportSnapshot.findMany({
      where: { organizationId, year: request.year },
      orderBy: { version: "desc" },
      select: { id: true, version: true, format: true, reason: true, publishedAt: true, publishedBy: { select: { displayName: true } } },
    });
    const latestSummary = snapshots[0] ?? null;
    // Compared only with a version of this format: today's figures with a digest per cell, the
    // version's figures and digests, and the ids only of the cells whose digests differ (ADR 0086).
    const compared = latestSummary?.format === request.format ? latestSummary : null;
    const current = await readReport(tx, { organization, year: request.year, format: request.format, withCells: compared ? "digests" : false });
    const frozen = compared ? await readDifferingCells(tx, compared.id, current, { organization, year: request.year, format: request.format }) : null;
    return { current, draft: draftOf(await findDraft(tx, organizationId, request.year)), snapshots, latest: latestSummary, frozen };
  });
  return {
    year: request.year,
    format: request.format,
    report: current.report,
    draft,
    versions: snapshots.map<PublishedVersion>((snapshot) => ({
      version: snapshot.version,
      format: snapshot.format as ReportFormat,
      reason: snapshot.reason,
      publishedAt: snapshot.publishedAt,
      publishedBy: snapshot.publishedBy?.displayName ?? null,
    })),
    latestPublished: latest ? { version: latest.version, format: latest.format as ReportFormat, publishedAt: latest.publishedAt } : null,
    differences: frozen ? differencesBetween(frozen.published, frozen.current, request.format) : null,
  };
}

export type ReportWorkspace = Awaited<ReturnType<typeof getReportWorkspace>>;

const publishSchema = z.object({
  year: z.number().int(),
  format: z.enum(["2019", "2021"]),
  reason: z.string().trim().max(500, "理由最多 500 字").optional(),
  /** The latest published version the publisher saw (0: none), and the draft's version: stale pages are refused. */
  expectedVersion: z.number().int().nonnegative().optional(),
  draftVersion: z.number().int().nonnegative().optional(),
});

function isConcurrentPublication(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // P2002: another publication took the version number; P2034: a write conflict of the snapshot
  // isolation; 55P03: the lock of a long publication not granted within lock_timeout.
  return error.code === "P2002" || error.code === "P2034" || (error.code === "P2010" && /`(23505|40001|55P03)`/.test(error.message));
}

async function latestVersionNotice(organizationId: string, year: number): Promise<string> {
  const latest = await db.reportSnapshot.findFirst({
    where: { organizationId, year },
    orderBy: { version: "desc" },
    select: { version: true, publishedAt: true, publishedBy: { select: { displayName: true } } },
  });
  return latest ? `${savedBy(latest.publishedBy?.displayName, latest.publishedAt)} 已发布第 ${latest.version} 版` : "同事刚刚发布了新版本";
}

/**
 * Freezes the year's report as the next version. All checks must pass; publishing again needs a reason.
 * Figures, cell lists, checks, the draft and the organization's name come from one snapshot.
 */
export async function publishReport({ actor, input }: { actor: Actor; input: unknown }): Promise<{ version: number }> {
  assertCan(actor, "report:publish");
  const data = parseInput(publishSchema, input);
  const request = parseInput(reportRequestSchema, { year: data.year, format: data.format });
  const organizationId = actor.organizationId;
  try {
    return await db.$transaction(async (tx) => {
      // Publications one at a time: LOCK TABLE takes no snapshot, so this transaction's snapshot is taken
      // after the lock, and sees the version another publication just committed. Reads are not blocked.
      await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '60s'`);
      await tx.$executeRawUnsafe(`LOCK TABLE "ReportSnapshot" IN SHARE ROW EXCLUSIVE MODE`);
      const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { id: true, code: true, name: true, appealsBasis: true } });
      const previous = await tx.reportSnapshot.findFirst({
        where: { organizationId, year: request.year },
        orderBy: { version: "desc" },
        select: { version: true, publishedAt: true, publishedBy: { select: { displayName: true } } },
      });
      if (data.expectedVersion !== undefined && (previous?.version ?? 0) !== data.expectedVersion && previous) {
        throw new AppError("CONFLICT", `${savedBy(previous.publishedBy?.displayName, previous.publishedAt)} 已发布第 ${previous.version} 版（您打开页面后）；请刷新页面核对后再决定是否再次发布`);
      }
      if (previous && !data.reason) throw new AppError("VALIDATION", "再次发布须说明理由（将生成新的版本）", { reason: ["请填写再次发布的理由"] });
      const draft = await findDraft(tx, organizationId, request.year);
      if (data.draftVersion !== undefined && (draft?.version ?? 0) !== data.draftVersion && draft) {
        throw new AppError("CONFLICT", `报告草稿已由 ${savedBy(draft.updatedBy?.displayName, draft.updatedAt)} 修改（您打开页面后），未发布；请刷新页面核对文字和表二后再发布`);
      }

      // The figures and checks here; the cell lists only inside the INSERT below, built by PostgreSQL in
      // the same snapshot (ADR 0096): at 1,000,000 cases they are ~15 MB of JSON that never enter Node.
      const reading = await readReport(tx, { organization, year: request.year, format: request.format, withCells: false });
      const failing = reading.report.checks.filter((check) => !check.ok);
      if (failing.length > 0) {
        throw new AppError("INVALID_STATE", `报告未通过核对，不能发布：${failing.map((check) => check.detail).join("；")}`);
      }

      const version = (previous?.version ?? 0) + 1;
      const draftState = draftOf(draft);
      const snapshotId = randomUUID();
      // publishedAt as Prisma's @default(now()) writes it: the client's clock, sent through the adapter.
      const [inserted] = await tx.$queryRaw<{ cellCounts: Record<string, [number, number]> }[]>(Prisma.sql`
        ${reportCellListsWith({ organizationId, year: request.year, format: request.format, appealsBasis: organization.appealsBasis })}
        INSERT INTO "ReportSnapshot" ("id", "organizationId", "organizationName", "year", "version", "format", "report", "sections", "activeDisclosure", "reason", "publishedById", "publishedAt")
        VALUES (${snapshotId}, ${organizationId}, ${organization.name}, ${request.year}, ${version}, ${request.format},
          CAST(${JSON.stringify(reading.report)} AS jsonb) || jsonb_build_object('cells', ${reportCellListsObject}),
          CAST(${JSON.stringify(draftState.sections)} AS jsonb), CAST(${JSON.stringify(draftState.activeDisclosure)} AS jsonb),
          ${data.reason || null}, ${actor.userId}, ${new Date()})
        RETURNING ${reportCellListCounts} AS "cellCounts"`);
      const contradictions = cellCountContradictions(reading.report, inserted?.cellCounts ?? {});
      // Cannot happen within one snapshot; if it ever did, the transaction ends and nothing inconsistent is frozen.
      if (contradictions.length > 0) throw new Error(`发布时数字与案件清单不一致：${contradictions.join("；")}`);
      await recordAudit(tx, actor, {
        action: "report.publish",
        entityType: "ReportSnapshot",
        entityId: snapshotId,
        before: previous ? { year: request.year, version: previous.version } : undefined,
        after: {
          year: request.year,
          version,
          format: request.format,
          organizationName: organization.name,
          draftVersion: draftState.version,
          report: reading.report as unknown as Prisma.InputJsonValue,
        },
        reason: data.reason,
      });
      return { version };
    }, REPORT_SNAPSHOT_TRANSACTION);
  } catch (error) {
    if (isConcurrentPublication(error)) {
      throw new AppError("CONFLICT", `${await latestVersionNotice(organizationId, request.year)}，与您的发布同时进行；您的发布未生效，请刷新页面核对后再决定是否再次发布`);
    }
    throw error;
  }
}

/** One published version's frozen content (figures, table 二, text and the organization's name then), for exports. */
export async function getPublishedReport({ actor, year, version }: { actor: Actor; year: number; version: number }) {
  const snapshot = await db.reportSnapshot.findFirst({ where: { organizationId: actor.organizationId, year, version } });
  if (!snapshot) throw new AppError("NOT_FOUND", "未找到该版本");
  return {
    report: readSnapshotReport(snapshot.report),
    sections: readSections(snapshot.sections),
    activeDisclosure: readDisclosure(snapshot.activeDisclosure),
    format: snapshot.format as ReportFormat,
    organizationName: await organizationNameAtPublication(snapshot),
  };
}

/** For verification (tests, the fault suite): a stored version as the reading it froze, figures and ids. */
export async function readPublishedVersion({ organizationId, year, version }: { organizationId: string; year: number; version: number }): Promise<ReportReading> {
  const snapshot = await db.reportSnapshot.findUniqueOrThrow({ where: { organizationId_year_version: { organizationId, year, version } }, select: { report: true } });
  return { report: readSnapshotReport(snapshot.report), cells: readSnapshotCells(snapshot.report) };
}
