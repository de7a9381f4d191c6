// A government and its departments (rules.md §8): a parent organization's managers see, for a year,
// each child's status (not started, draft, published with version and date, checks failing, on time
// or late) and the combined tables 三 and 四 and section 六 — the sum of the published versions where
// they exist and of today's figures otherwise, marked which —, with the checks run on the sum.
// Several levels (province → city → department) work the same way: a child's figures are its own and
// its descendants'. Authorization is here: only a manager or administrator of the organization or of
// one above it sees a roll-up, and a roll-up holds figures only — never a case or an applicant.
import "server-only";
import { z } from "zod";
import { Prisma } from "@prisma/client";
import { db, readRows } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan, can } from "../auth/permissions";
import { formatDate } from "../format";
import type { IsoDate } from "../calendar/workdays";
import { parseInput } from "../validation";
import { runTableChecks, type ReportCheck } from "../reports/checks";
import {
  COLUMN_KEYS,
  describeReportCell,
  parseReportCellId,
  reportRequestSchema,
  type ReportFigures,
  type ReportFormat,
} from "../reports/definitions";
import { findOpeningBalanceOf } from "../reports/opening-balance";
import { computeReportForOrganization } from "../reports/queries";
import { readReportData } from "../reports/report-reader";
import { cellValueOf, figuresInFormat, sumColumns, sumFigures } from "./combine";
import { reportDueOn, timelinessOf, type Timeliness } from "./deadline";

// ---------------------------------------------------------------------------------------------
// The organization tree

interface OrganizationNode {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  reportDeadline: string | null;
}

async function loadOrganizationTree(): Promise<Map<string, OrganizationNode>> {
  const rows = await db.organization.findMany({ select: { id: true, code: true, name: true, parentId: true, reportDeadline: true } });
  return new Map(rows.map((row) => [row.id, row]));
}

function childrenOf(tree: ReadonlyMap<string, OrganizationNode>, parentId: string): OrganizationNode[] {
  return [...tree.values()].filter((node) => node.parentId === parentId).sort((a, b) => a.code.localeCompare(b.code));
}

/** The organization and all below it (a cycle, which org set refuses, cannot loop). */
function subtreeOf(tree: ReadonlyMap<string, OrganizationNode>, rootId: string): OrganizationNode[] {
  const nodes: OrganizationNode[] = [];
  const visited = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const node = tree.get(id);
    if (!node || visited.has(id)) continue;
    visited.add(id);
    nodes.push(node);
    for (const child of childrenOf(tree, id).reverse()) stack.push(child.id);
  }
  return nodes;
}

/** The organizations from `id` up to the top, `id` first. */
function ancestorsOf(tree: ReadonlyMap<string, OrganizationNode>, id: string): OrganizationNode[] {
  const path: OrganizationNode[] = [];
  const visited = new Set<string>();
  let node = tree.get(id);
  while (node && !visited.has(node.id)) {
    visited.add(node.id);
    path.push(node);
    node = node.parentId ? tree.get(node.parentId) : undefined;
  }
  return path;
}

/**
 * The organization whose roll-up the actor asks for: its own, or one below it (by code). Anything else
 * is "not found", so that a roll-up does not reveal what exists outside the actor's tree.
 */
async function resolveRollupTarget(actor: Actor, organizationCode: string | undefined) {
  assertCan(actor, "rollup:view");
  const tree = await loadOrganizationTree();
  const target = organizationCode ? [...tree.values()].find((node) => node.code === organizationCode) : tree.get(actor.organizationId);
  if (!target || !ancestorsOf(tree, target.id).some((node) => node.id === actor.organizationId)) {
    throw new AppError("NOT_FOUND", "未找到该机构，或它不是本机构的下级单位");
  }
  // The way from the actor's organization down to the target, for the page's breadcrumb.
  const path = ancestorsOf(tree, target.id);
  const trail = path.slice(0, path.findIndex((node) => node.id === actor.organizationId) + 1).reverse();
  return { tree, target, trail };
}

/** Whether the actor's organization has organizations below it (the roll-up is worth a menu entry). */
export async function hasChildOrganizations({ actor }: { actor: Actor }): Promise<boolean> {
  if (!can(actor, "rollup:view")) return false;
  // In the layout of every page a manager opens: straight to the pool (readRows, ADR 0095).
  const rows = await readRows<{ found: number }>(Prisma.sql`SELECT 1 AS "found" FROM "Organization" WHERE "parentId" = ${actor.organizationId} LIMIT 1`);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------
// One organization's own report for the year

export type MemberStatus =
  | { kind: "not_started" }
  | { kind: "draft"; updatedAt: Date }
  | { kind: "published"; version: number; publishedAt: Date; format: ReportFormat };

/** Where a member's figures in the roll-up come from. */
export type FiguresSource = "published" | "current" | "current_other_format";

/** Where 四 of the year before comes from, for check 3 on the sum. */
export type PreviousCarriedOutSource = "published" | "opening" | "generated";

export interface MemberReport {
  organization: { id: string; code: string; name: string };
  status: MemberStatus;
  timeliness: Timeliness;
  source: FiguresSource;
  figures: ReportFigures;
  /** The checks of the figures used: the published version's, or today's. */
  failingChecks: ReportCheck[];
  previousCarriedOut: number[];
  previousCarriedOutSource: PreviousCarriedOutSource;
}

const snapshotChecksSchema = z.object({ checks: z.array(z.object({ rule: z.string(), ok: z.boolean(), detail: z.string() })).default([]) });
const snapshotFeesSchema = z.object({
  fees: z.object({ notices: z.number().int().nonnegative(), amount_noticed: z.string(), amount_collected: z.string() }),
});

/** A published snapshot's figures (its report is the report as data), or null when unreadable. */
function snapshotFigures(year: number, report: unknown): { figures: ReportFigures; checks: ReportCheck[] } | null {
  const tables = readReportData(report);
  const fees = snapshotFeesSchema.safeParse(report);
  if (!tables.ok || tables.report.kind !== "tables" || !fees.success) return null;
  const checks = snapshotChecksSchema.safeParse(report);
  return {
    figures: { year, ...tables.report.tables, fees: fees.data.fees },
    checks: checks.success ? (checks.data.checks as ReportCheck[]) : [],
  };
}

const carriedOutOf = (figures: ReportFigures) => [...(figures.applications.rows.carried_out ?? COLUMN_KEYS.map(() => 0))];

async function memberReportOf(organization: OrganizationNode, year: number, format: ReportFormat, today: IsoDate): Promise<MemberReport> {
  const organizationId = organization.id;
  const [current, snapshots, draft, previousSnapshot, opening] = await Promise.all([
    computeReportForOrganization({ organizationId, year, format }),
    db.reportSnapshot.findMany({
      where: { organizationId, year },
      orderBy: { version: "asc" },
      select: { version: true, format: true, publishedAt: true },
    }),
    db.reportDraft.findUnique({ where: { organizationId_year: { organizationId, year } }, select: { updatedAt: true } }),
    db.reportSnapshot.findFirst({ where: { organizationId, year: year - 1 }, orderBy: { version: "desc" }, select: { report: true } }),
    findOpeningBalanceOf(organizationId),
  ]);
  const first = snapshots[0];
  const latest = snapshots.at(-1);

  let source: FiguresSource = "current";
  let figures: ReportFigures = { year, format, applications: current.applications, appeals: current.appeals, fees: current.fees };
  let checks: ReportCheck[] = current.checks;
  if (latest) {
    const stored = await db.reportSnapshot.findFirstOrThrow({ where: { organizationId, year, version: latest.version }, select: { report: true } });
    const published = snapshotFigures(year, stored.report);
    const inFormat = published ? figuresInFormat(published.figures, format) : null;
    if (published && inFormat) {
      source = "published";
      figures = inFormat;
      checks = published.checks;
    } else {
      source = "current_other_format";
    }
  }

  // 四 of Y−1: as published in the system, else the opening balance, else generated now — which is 二
  // of Y as generated now (the same cases: received before 1 January and not closed by then).
  const previousPublished = previousSnapshot ? snapshotFigures(year - 1, previousSnapshot.report) : null;
  let previousCarriedOut: number[];
  let previousCarriedOutSource: PreviousCarriedOutSource;
  if (previousPublished) {
    previousCarriedOut = carriedOutOf(previousPublished.figures);
    previousCarriedOutSource = "published";
  } else if (opening && opening.year === year - 1) {
    previousCarriedOut = [...opening.carriedOut];
    previousCarriedOutSource = "opening";
  } else {
    previousCarriedOut = [...(current.applications.rows.carried_in ?? COLUMN_KEYS.map(() => 0))];
    previousCarriedOutSource = "generated";
  }

  const status: MemberStatus = latest
    ? { kind: "published", version: latest.version, publishedAt: latest.publishedAt, format: latest.format as ReportFormat }
    : draft
      ? { kind: "draft", updatedAt: draft.updatedAt }
      : { kind: "not_started" };
  return {
    organization: { id: organization.id, code: organization.code, name: organization.name },
    status,
    timeliness: timelinessOf({
      dueOn: reportDueOn(year, organization.reportDeadline),
      firstPublishedOn: first ? formatDate(first.publishedAt) : null,
      today,
    }),
    source,
    figures,
    failingChecks: checks.filter((check) => !check.ok),
    previousCarriedOut,
    previousCarriedOutSource,
  };
}

// ---------------------------------------------------------------------------------------------
// The roll-up

export interface RollupRow {
  /** The organization's own report (its own cases). */
  member: MemberReport;
  /** "self": the target organization's own cases; "child": a child with everything below it. */
  kind: "self" | "child";
  /** The figures this row adds to the sum: the member's own, plus (for a child) all its descendants'. */
  figures: ReportFigures;
  /** Organizations below the child (0 for the target's own row). */
  descendants: number;
  /** Of those descendants: not published yet, with failing checks, published late or overdue. */
  descendantIssues: { notPublished: number; checksFailing: number; late: number };
}

export interface Rollup {
  year: number;
  format: ReportFormat;
  organization: { code: string; name: string; reportDeadline: string | null };
  /** From the actor's organization down to this one. */
  trail: { code: string; name: string }[];
  rows: RollupRow[];
  combined: ReportFigures;
  checks: ReportCheck[];
  /** How many members' figures are published versions and how many today's. */
  sources: Record<FiguresSource, number>;
}

/** Members whose reports are computed at once (each runs its queries in parallel too). */
const MEMBERS_AT_A_TIME = 4;

function isLate(member: MemberReport): boolean {
  return member.timeliness.kind === "late" || member.timeliness.kind === "overdue";
}

async function buildRollup(
  tree: ReadonlyMap<string, OrganizationNode>,
  target: OrganizationNode,
  year: number,
  format: ReportFormat,
  today: IsoDate,
) {
  const members = new Map<string, MemberReport>();
  // A few organizations at a time: each report is a handful of indexed queries, and a large government
  // should not take as many connections as it has departments.
  const nodes = subtreeOf(tree, target.id);
  for (let start = 0; start < nodes.length; start += MEMBERS_AT_A_TIME) {
    const batch = nodes.slice(start, start + MEMBERS_AT_A_TIME);
    const reports = await Promise.all(batch.map((node) => memberReportOf(node, year, format, today)));
    batch.forEach((node, index) => members.set(node.id, reports[index]!));
  }
  const subtreeMembers = (rootId: string) => subtreeOf(tree, rootId).map((node) => members.get(node.id)!);

  const self = members.get(target.id)!;
  const rows: RollupRow[] = [
    { member: self, kind: "self", figures: self.figures, descendants: 0, descendantIssues: { notPublished: 0, checksFailing: 0, late: 0 } },
  ];
  for (const child of childrenOf(tree, target.id)) {
    const [member, ...below] = subtreeMembers(child.id);
    rows.push({
      member: member!,
      kind: "child",
      figures: sumFigures(year, format, [member!, ...below].map((item) => item.figures)),
      descendants: below.length,
      descendantIssues: {
        notPublished: below.filter((item) => item.status.kind !== "published").length,
        checksFailing: below.filter((item) => item.failingChecks.length > 0).length,
        late: below.filter(isLate).length,
      },
    });
  }
  const all = [...members.values()];
  const combined = sumFigures(year, format, rows.map((row) => row.figures));
  const previousBases = all.map((member) => member.previousCarriedOutSource);
  const basisText = (["published", "opening", "generated"] as const)
    .map((basis) => [basis, previousBases.filter((item) => item === basis).length] as const)
    .filter(([, count]) => count > 0)
    .map(([basis, count]) => `${{ published: "已发布报告", opening: "期初余额", generated: "按现有数据生成" }[basis]} ${count} 个`)
    .join("、");
  const checks = runTableChecks(combined, {
    carriedOut: sumColumns(all.map((member) => member.previousCarriedOut)),
    subject: `各单位 ${year - 1} 年度四之和（${basisText}）`,
    rule: "carry_over",
  });
  const sources: Record<FiguresSource, number> = { published: 0, current: 0, current_other_format: 0 };
  for (const member of all) sources[member.source] += 1;
  return { rows, combined, checks, sources };
}

const rollupRequestSchema = z.object({
  year: z.unknown(),
  format: z.enum(["2019", "2021"]).optional(),
  organizationCode: z.string().trim().max(40).optional(),
});

/**
 * The roll-up for a year of the actor's organization, or (by code) of one below it. Managers and
 * administrators only. `today` decides whether an unpublished report is overdue.
 */
export async function getRollup({
  actor,
  year,
  format,
  organizationCode,
  today,
}: {
  actor: Actor;
  year: unknown;
  format?: string;
  organizationCode?: string;
  today: IsoDate;
}): Promise<Rollup> {
  const input = parseInput(rollupRequestSchema, { year, format, organizationCode: organizationCode || undefined });
  const request = parseInput(reportRequestSchema, { year: input.year, format: input.format });
  const { tree, target, trail } = await resolveRollupTarget(actor, input.organizationCode);
  const built = await buildRollup(tree, target, request.year, request.format, today);
  return {
    year: request.year,
    format: request.format,
    organization: { code: target.code, name: target.name, reportDeadline: target.reportDeadline },
    trail: trail.map((node) => ({ code: node.code, name: node.name })),
    ...built,
  };
}

export interface RollupCell {
  cell: string;
  description: string;
  total: number | string;
  /** Each row's figure for the cell (the target's own, each child with those below it). */
  rows: { code: string; name: string; kind: RollupRow["kind"]; value: number | string; source: FiguresSource; descendants: number }[];
}

/** One combined figure and what each row of the roll-up adds to it: figures only, never cases. */
export async function getRollupCell({
  actor,
  year,
  format,
  organizationCode,
  cell,
  today,
}: {
  actor: Actor;
  year: unknown;
  format?: string;
  organizationCode?: string;
  cell: string;
  today: IsoDate;
}): Promise<RollupCell> {
  const rollup = await getRollup({ actor, year, format, organizationCode, today });
  const parsed = parseReportCellId(cell, rollup.format);
  if (!parsed) throw new AppError("VALIDATION", `报表中没有这一格：${cell}`);
  return {
    cell,
    description: describeReportCell(parsed, rollup.format),
    total: cellValueOf(rollup.combined, parsed),
    rows: rollup.rows.map((row) => ({
      code: row.member.organization.code,
      name: row.member.organization.name,
      kind: row.kind,
      value: cellValueOf(row.figures, parsed),
      source: row.member.source,
      descendants: row.descendants,
    })),
  };
}
