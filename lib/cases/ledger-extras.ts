// The XLSX ledger's reading columns (lib/cases/export.ts LEDGER_EXTRA_COLUMNS) for exported cases: the
// due date, where the clock stands, the handler, the agent, the amount paid and how the decision was
// served. Read by case number within the actor's organization, in batches.
import "server-only";
import { Prisma, type ClockPhase } from "@prisma/client";
import { readRows } from "../db";
import type { Actor } from "../auth/actor";
import { isoDateFromDb } from "../calendar/dates";
import type { LedgerExtras } from "./export";
import { CLOCK_PHASE_LABELS } from "./labels";

const BATCH_SIZE = 1_000;

function serviceMethodOf(details: unknown): string | null {
  const method = details && typeof details === "object" ? (details as { serviceMethod?: unknown }).serviceMethod : undefined;
  return typeof method === "string" && method ? method : null;
}

interface ExtrasRecord {
  caseNumber: string;
  dueOn: Date | null;
  clockPhase: ClockPhase;
  agentName: string | null;
  /** numeric(12, 2) as PostgreSQL prints it, always with two decimals ("450.50"). */
  feePaidAmount: string | null;
  handlerName: string | null;
  /** The details of the case's current 答复办结 (the latest not superseded). */
  servedDetails: unknown;
}

/**
 * One statement per batch (was a Prisma findMany with the handler and the events included: three
 * statements and Prisma's row mapping, about as long as the ledger rows themselves).
 */
export async function findLedgerExportExtras({ actor, caseNumbers }: { actor: Actor; caseNumbers: readonly (string | null)[] }): Promise<Map<string, LedgerExtras>> {
  const numbers = caseNumbers.filter((number): number is string => Boolean(number));
  const extras = new Map<string, LedgerExtras>();
  for (let start = 0; start < numbers.length; start += BATCH_SIZE) {
    const records = await readRows<ExtrasRecord>(Prisma.sql`
      SELECT a."caseNumber", a."dueOn", a."clockPhase"::text AS "clockPhase", a."agentName",
             a."feePaidAmount"::text AS "feePaidAmount", h."displayName" AS "handlerName", served."details" AS "servedDetails"
      FROM "Application" a
      LEFT JOIN "User" h ON h."id" = a."handlerId"
      LEFT JOIN LATERAL (
        SELECT e."details" FROM "CaseEvent" e
        WHERE e."applicationId" = a."id" AND e."type" = 'DECISION_SERVED' AND e."supersededAt" IS NULL
        ORDER BY e."occurredOn" DESC, e."createdAt" DESC
        LIMIT 1
      ) served ON true
      WHERE a."organizationId" = ${actor.organizationId} AND a."caseNumber" = ANY(${numbers.slice(start, start + BATCH_SIZE)}::text[])`);
    for (const record of records) {
      extras.set(record.caseNumber, {
        截止日期: record.dueOn && record.clockPhase !== "CLOSED" ? isoDateFromDb(record.dueOn) : null,
        状态: CLOCK_PHASE_LABELS[record.clockPhase],
        经办人: record.handlerName,
        代理人: record.agentName,
        缴费金额: record.feePaidAmount,
        送达方式: serviceMethodOf(record.servedDetails),
      });
    }
  }
  return extras;
}
