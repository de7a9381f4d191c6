// Writing the audit trail: always inside the transaction of the change it records, so that a change
// without its entry (or an entry without its change) cannot be committed. The table only grows:
// PostgreSQL refuses UPDATE, DELETE and TRUNCATE of "AuditEvent" (docs/decisions/0021).
import { adapterTimestamp } from "../db-timestamp";
import { randomUUID } from "node:crypto";
import { userInfo } from "node:os";
import { Prisma } from "@prisma/client";
import type { Transaction } from "../db";

/** Who an audit event is about: any signed-in principal (an operator has no organization). */
export interface AuditActor {
  userId: string;
  organizationId?: string | null;
}

export interface AuditEntry {
  /** What happened, e.g. "application.register", "report.publish" (labels in lib/audit/labels.ts). */
  action: string;
  entityType: string;
  entityId: string;
  /** Defaults to the actor's organization; null for installation-wide changes (the calendar). */
  organizationId?: string | null;
  /**
   * The case the entry concerns, for the case's 操作记录. Derived when absent: the entity itself for
   * "Application", the `applicationId` of before/after or of the proceeding's row for "Proceeding".
   */
  applicationId?: string | null;
  /** The state before the change (absent for a creation) and after it (absent for a removal). */
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  reason?: string;
  /** For a change made from the command line (no actor): the operator's system account (currentOperator()). */
  operator?: string;
  /** Source address and user agent, for security events (lib/auth/request-context.ts). */
  ip?: string | null;
  userAgent?: string | null;
}

function applicationIdIn(value: Prisma.InputJsonValue | undefined): string | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const candidate = (value as Record<string, unknown>).applicationId;
  return typeof candidate === "string" ? candidate : null;
}

async function applicationIdOf(tx: Transaction, entry: AuditEntry): Promise<string | null> {
  if (entry.applicationId !== undefined) return entry.applicationId;
  if (entry.entityType === "Application") return entry.entityId;
  const named = applicationIdIn(entry.after) ?? applicationIdIn(entry.before);
  if (named) return named;
  if (entry.entityType === "Proceeding") {
    const proceeding = await tx.proceeding.findUnique({ where: { id: entry.entityId }, select: { applicationId: true } });
    return proceeding?.applicationId ?? null;
  }
  return null;
}

/** Writes one audit entry inside the caller's transaction; returns its id (a cause later entries name). */
export async function recordAudit(tx: Transaction, actor: AuditActor | null, entry: AuditEntry): Promise<string> {
  const created = await tx.auditEvent.create({
    data: {
      organizationId: entry.organizationId === undefined ? (actor?.organizationId ?? null) : entry.organizationId,
      actorId: actor?.userId ?? null,
      operator: entry.operator ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      applicationId: await applicationIdOf(tx, entry),
      before: entry.before,
      after: entry.after,
      reason: entry.reason,
      ip: entry.ip ?? null,
      userAgent: entry.userAgent ?? null,
    },
    select: { id: true },
  });
  return created.id;
}

/** Rows per INSERT: bounds the size of one statement's arrays. */
const BULK_BATCH_SIZE = 2_000;

const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));

/**
 * Many entries at once (one per imported or recomputed case), as INSERT … SELECT FROM unnest(one array
 * per column): thousands of rows in a few statements. Every entry names its organization and its case
 * explicitly (nothing is looked up). All entries share `createdAt` (the transaction's time).
 */
export async function recordAuditEntries(
  tx: Transaction,
  actor: AuditActor | null,
  entries: readonly (AuditEntry & { organizationId: string | null; applicationId: string | null })[],
): Promise<void> {
  // Written, not the column's default: read back like the entries Prisma writes (lib/db-timestamp.ts).
  const createdAt = adapterTimestamp(new Date());
  for (let start = 0; start < entries.length; start += BULK_BATCH_SIZE) {
    const batch = entries.slice(start, start + BULK_BATCH_SIZE);
    await tx.$executeRaw(Prisma.sql`
      INSERT INTO "AuditEvent" ("id", "organizationId", "actorId", "operator", "action", "entityType", "entityId", "applicationId", "before", "after", "reason", "createdAt")
      SELECT * FROM unnest(
        CAST(${batch.map(() => randomUUID())} AS text[]),
        CAST(${batch.map((entry) => entry.organizationId)} AS text[]),
        CAST(${batch.map(() => actor?.userId ?? null)} AS text[]),
        CAST(${batch.map((entry) => entry.operator ?? null)} AS text[]),
        CAST(${batch.map((entry) => entry.action)} AS text[]),
        CAST(${batch.map((entry) => entry.entityType)} AS text[]),
        CAST(${batch.map((entry) => entry.entityId)} AS text[]),
        CAST(${batch.map((entry) => entry.applicationId)} AS text[]),
        CAST(${batch.map((entry) => json(entry.before))} AS jsonb[]),
        CAST(${batch.map((entry) => json(entry.after))} AS jsonb[]),
        CAST(${batch.map((entry) => entry.reason ?? null)} AS text[]),
        CAST(${batch.map(() => createdAt)} AS timestamptz[])
      )`);
  }
}

/** The system account running this process: who an entry made from the command line names. */
export function currentOperator(): string {
  try {
    return userInfo().username || "未知";
  } catch {
    return "未知";
  }
}

/**
 * A row's values as an audit entry records them: DATE columns (Date at midnight UTC) as YYYY-MM-DD,
 * amounts as yuan with two decimals.
 */
export function auditableRow(row: Record<string, unknown>): Prisma.InputJsonObject {
  const result: Record<string, Prisma.InputJsonValue | null> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value instanceof Date) result[key] = value.toISOString().slice(0, 10);
    else if (Prisma.Decimal.isDecimal(value)) result[key] = value.toFixed(2);
    else if (value === undefined) continue;
    else result[key] = value as Prisma.InputJsonValue | null;
  }
  return result;
}
