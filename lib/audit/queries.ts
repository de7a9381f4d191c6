// Reading the audit trail: the source of truth for "who changed what". For other code (stale-write
// messages, the name a report was published under) findLatestAuditEntry and findAuditEntriesOf; for
// people the case's 操作记录 (any role of the case's organization) and the administrators' audit page
// with its export, both scoped to the actor's organization (plus the installation-wide calendar).
import "server-only";
import { Prisma } from "@prisma/client";
import { db, readRows, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { addCalendarDays } from "../calendar/workdays";
import {
  AUDIT_ACTION_CATEGORY_LABELS,
  AUDIT_ENTITY_LABELS,
  auditActionCategory,
  auditActionLabel,
  auditActorLabel,
  auditUserIds,
  describeAuditChanges,
  type AuditChange,
} from "./labels";
import { AUDIT_EXPORT_MAX_ROWS, AUDIT_LOG_PAGE_SIZE, type AuditLogQuery } from "./list-schemas";

type AuditReader = Pick<Transaction, "auditEvent">;

const ENTRY_SELECT = {
  id: true,
  organizationId: true,
  actorId: true,
  operator: true,
  action: true,
  entityType: true,
  entityId: true,
  applicationId: true,
  before: true,
  after: true,
  reason: true,
  createdAt: true,
  actor: { select: { displayName: true } },
} satisfies Prisma.AuditEventSelect;

type EntryRow = Prisma.AuditEventGetPayload<{ select: typeof ENTRY_SELECT }>;

export interface AuditEntryRecord {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  applicationId: string | null;
  actorId: string | null;
  /** The signed-in user's name, or null (operator or system: see auditActorLabel). */
  actorName: string | null;
  operator: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
  reason: string | null;
  createdAt: Date;
}

function toRecord(row: EntryRow): AuditEntryRecord {
  return {
    id: row.id,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    applicationId: row.applicationId,
    actorId: row.actorId,
    actorName: row.actor?.displayName ?? null,
    operator: row.operator,
    before: row.before,
    after: row.after,
    reason: row.reason,
    createdAt: row.createdAt,
  };
}

/**
 * The latest entry about one entity (optionally of some actions), e.g. to say who changed a record a
 * stale form no longer matches. Pass the transaction when reading after a row lock.
 */
export async function findLatestAuditEntry(
  { entityType, entityId, actions }: { entityType: string; entityId: string; actions?: readonly string[] },
  reader: AuditReader = db,
): Promise<AuditEntryRecord | null> {
  const row = await reader.auditEvent.findFirst({
    where: { entityType, entityId, ...(actions ? { action: { in: [...actions] } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: ENTRY_SELECT,
  });
  return row ? toRecord(row) : null;
}

/** Every entry about one entity, oldest first (optionally one action, from an instant on). */
export async function findAuditEntriesOf(
  { entityType, entityId, action, since }: { entityType: string; entityId: string; action?: string; since?: Date },
  reader: AuditReader = db,
): Promise<AuditEntryRecord[]> {
  const rows = await reader.auditEvent.findMany({
    where: { entityType, entityId, ...(action ? { action } : {}), ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: ENTRY_SELECT,
  });
  return rows.map(toRecord);
}

// ---------------------------------------------------------------------------------------------
// For people: entries described in Chinese

export interface AuditLogEntry {
  id: string;
  createdAt: Date;
  action: string;
  actionLabel: string;
  /** The user, 运维人员 …（命令行） or 系统. */
  actorLabel: string;
  entityLabel: string;
  applicationId: string | null;
  caseNumber: string | null;
  reason: string | null;
  changes: AuditChange[];
}

/** Names the ids the entries refer to: users (actors and values), cases, and users as entities. */
async function describeEntries(actor: Actor, rows: readonly EntryRow[]): Promise<AuditLogEntry[]> {
  const userIds = new Set<string>();
  const applicationIds = new Set<string>();
  for (const row of rows) {
    for (const id of auditUserIds(row.before, row.after)) userIds.add(id);
    if (row.entityType === "User") userIds.add(row.entityId);
    if (row.applicationId) applicationIds.add(row.applicationId);
  }
  // Straight to the pool (readRows, ADR 0099): the case page describes its log on every visit.
  const [users, applications] = await Promise.all([
    userIds.size > 0
      ? readRows<{ id: string; displayName: string; username: string }>(Prisma.sql`
          SELECT "id", "displayName", "username" FROM "User" WHERE "id" = ANY(${[...userIds]}::text[]) AND "organizationId" = ${actor.organizationId}`)
      : [],
    applicationIds.size > 0
      ? readRows<{ id: string; caseNumber: string }>(Prisma.sql`
          SELECT "id", "caseNumber" FROM "Application" WHERE "id" = ANY(${[...applicationIds]}::text[]) AND "organizationId" = ${actor.organizationId}`)
      : [],
  ]);
  const userNames = new Map(users.map((user) => [user.id, user.displayName]));
  const usernames = new Map(users.map((user) => [user.id, user.username]));
  const caseNumbers = new Map(applications.map((application) => [application.id, application.caseNumber]));
  const names = { users: userNames };
  return rows.map((row) => {
    const caseNumber = row.applicationId ? (caseNumbers.get(row.applicationId) ?? null) : null;
    return {
      id: row.id,
      createdAt: row.createdAt,
      action: row.action,
      actionLabel: auditActionLabel(row.action),
      actorLabel: auditActorLabel({ actorName: row.actor?.displayName ?? null, operator: row.operator }),
      entityLabel: entityLabel(row, { caseNumber, username: usernames.get(row.entityId) ?? null }),
      applicationId: row.applicationId,
      caseNumber,
      reason: row.reason,
      changes: describeAuditChanges(row.before ?? undefined, row.after ?? undefined, names),
    };
  });
}

function jsonField(value: Prisma.JsonValue, key: string): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const field = (value as Record<string, Prisma.JsonValue>)[key];
  return typeof field === "string" || typeof field === "number" ? String(field) : null;
}

function entityLabel(row: EntryRow, named: { caseNumber: string | null; username: string | null }): string {
  const kind = AUDIT_ENTITY_LABELS[row.entityType] ?? row.entityType;
  switch (row.entityType) {
    case "Application":
      return `${kind} ${named.caseNumber ?? "（已不在本机构）"}`;
    case "Proceeding":
      return named.caseNumber ? `${kind}（案件 ${named.caseNumber}）` : kind;
    case "User":
      return `${kind} ${named.username ?? jsonField(row.after, "username") ?? jsonField(row.before, "username") ?? ""}`.trim();
    case "CalendarDay":
    case "CalendarYear":
      return `${kind} ${row.entityId}`;
    case "ReportDraft":
      return `${row.entityId} 年度${kind}`;
    case "ReportSnapshot": {
      const year = jsonField(row.after, "year");
      const version = jsonField(row.after, "version");
      return year && version ? `${year} 年度报告第 ${version} 版` : kind;
    }
    case "Batch": {
      const count = jsonField(row.after, "caseCount");
      return count ? `${kind}（${count} 件案件）` : kind;
    }
    default:
      return kind;
  }
}

/** Every change of one case (its registration, steps, proceedings, imports, recomputations), oldest first. */
export async function findCaseAuditLog({ actor, applicationId }: { actor: Actor; applicationId: string }): Promise<AuditLogEntry[]> {
  // On every case page: straight to the pool (readRows, ADR 0099), the columns of ENTRY_SELECT.
  const [application] = await readRows<{ id: string }>(Prisma.sql`
    SELECT "id" FROM "Application" WHERE "id" = ${applicationId} AND "organizationId" = ${actor.organizationId}`);
  if (!application) throw new AppError("NOT_FOUND", "未找到该案件");
  const rows = await readRows<Omit<EntryRow, "actor"> & { actorDisplayName: string | null }>(Prisma.sql`
    SELECT e."id", e."organizationId", e."actorId", e."operator", e."action", e."entityType", e."entityId", e."applicationId",
           e."before", e."after", e."reason", e."createdAt", u."displayName" AS "actorDisplayName"
    FROM "AuditEvent" e LEFT JOIN "User" u ON u."id" = e."actorId"
    WHERE e."applicationId" = ${applicationId} AND (e."organizationId" = ${actor.organizationId} OR e."organizationId" IS NULL)
    ORDER BY e."createdAt" ASC, e."id" ASC`);
  return describeEntries(
    actor,
    rows.map(({ actorDisplayName, ...row }) => ({ ...row, actor: row.actorId === null ? null : { displayName: actorDisplayName ?? "" } })),
  );
}

function auditLogWhere(actor: Actor, query: AuditLogQuery): Prisma.AuditEventWhereInput {
  const conditions: Prisma.AuditEventWhereInput[] = [{ OR: [{ organizationId: actor.organizationId }, { organizationId: null }] }];
  if (query.user === "system") conditions.push({ actorId: null });
  else if (query.user) conditions.push({ actorId: query.user.userId });
  if (query.action?.endsWith(".*")) conditions.push({ action: { startsWith: `${query.action.slice(0, -1)}` } });
  else if (query.action) conditions.push({ action: query.action });
  // Dates are Beijing calendar days: [from 00:00, to + 1 day 00:00) at +08:00.
  if (query.from) conditions.push({ createdAt: { gte: new Date(`${query.from}T00:00:00+08:00`) } });
  if (query.to) conditions.push({ createdAt: { lt: new Date(`${addCalendarDays(query.to, 1)}T00:00:00+08:00`) } });
  return { AND: conditions };
}

const NEWEST_FIRST = [{ createdAt: "desc" }, { id: "desc" }] satisfies Prisma.AuditEventOrderByWithRelationInput[];

/** One page of the organization's audit, newest first (administrators only). */
export async function findAuditLog({ actor, query }: { actor: Actor; query: AuditLogQuery }) {
  assertCan(actor, "audit:read");
  const where = auditLogWhere(actor, query);
  const total = await db.auditEvent.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_LOG_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const rows = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip: (page - 1) * AUDIT_LOG_PAGE_SIZE, take: AUDIT_LOG_PAGE_SIZE, select: ENTRY_SELECT });
  return { total, page, pageSize: AUDIT_LOG_PAGE_SIZE, entries: await describeEntries(actor, rows) };
}

/** Every entry matching the filters, newest first, for CSV/XLSX; refused above AUDIT_EXPORT_MAX_ROWS. */
export async function findAuditLogForExport({ actor, query }: { actor: Actor; query: AuditLogQuery }): Promise<AuditLogEntry[]> {
  assertCan(actor, "audit:read");
  const where = auditLogWhere(actor, query);
  const total = await db.auditEvent.count({ where });
  if (total > AUDIT_EXPORT_MAX_ROWS) {
    throw new AppError("VALIDATION", `符合条件的操作记录有 ${total} 条，超过单次导出上限 ${AUDIT_EXPORT_MAX_ROWS} 条；请缩小日期范围后分次导出`);
  }
  const entries: AuditLogEntry[] = [];
  const batch = 5_000;
  for (let skip = 0; skip < total; skip += batch) {
    const rows = await db.auditEvent.findMany({ where, orderBy: NEWEST_FIRST, skip, take: batch, select: ENTRY_SELECT });
    entries.push(...(await describeEntries(actor, rows)));
    if (rows.length < batch) break;
  }
  return entries;
}

export interface AuditFilterOptions {
  users: { id: string; label: string }[];
  /** Categories ("case_event.*") first within their group, then the actions recorded. */
  actions: { value: string; label: string }[];
}

/** What the audit page's filters offer: the organization's users and the actions its audit holds. */
export async function findAuditFilterOptions({ actor }: { actor: Actor }): Promise<AuditFilterOptions> {
  assertCan(actor, "audit:read");
  const [users, actions] = await Promise.all([
    db.user.findMany({ where: { organizationId: actor.organizationId }, select: { id: true, displayName: true, username: true }, orderBy: { username: "asc" } }),
    db.$queryRaw<{ action: string }[]>(Prisma.sql`
      SELECT DISTINCT "action" FROM "AuditEvent" WHERE "organizationId" = ${actor.organizationId} OR "organizationId" IS NULL ORDER BY "action"`),
  ]);
  const options: AuditFilterOptions["actions"] = [];
  let category: string | null = null;
  for (const { action } of actions) {
    const next = auditActionCategory(action);
    if (next !== category) {
      category = next;
      options.push({ value: `${next}.*`, label: `${AUDIT_ACTION_CATEGORY_LABELS[next] ?? next}（全部）` });
    }
    options.push({ value: action, label: `　${auditActionLabel(action)}` });
  }
  return {
    users: [...users.map((user) => ({ id: user.id, label: `${user.displayName}（${user.username}）` })), { id: "system", label: "系统或运维人员（命令行）" }],
    actions: options,
  };
}
