// The XLSX ledger's reading columns (lib/cases/export.ts LEDGER_EXTRA_COLUMNS) for exported cases: the
// due date, where the clock stands, the handler, the agent, the amount paid and how the decision was
// served. Read by case number within the actor's organization, in batches.
import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/actor";
import { isoDateFromDb } from "../calendar/dates";
import type { LedgerExtras } from "./export";
import { CLOCK_PHASE_LABELS } from "./labels";

const BATCH_SIZE = 1_000;

function serviceMethodOf(details: unknown): string | null {
  const method = details && typeof details === "object" ? (details as { serviceMethod?: unknown }).serviceMethod : undefined;
  return typeof method === "string" && method ? method : null;
}

export async function findLedgerExportExtras({ actor, caseNumbers }: { actor: Actor; caseNumbers: readonly (string | null)[] }): Promise<Map<string, LedgerExtras>> {
  const numbers = caseNumbers.filter((number): number is string => Boolean(number));
  const extras = new Map<string, LedgerExtras>();
  for (let start = 0; start < numbers.length; start += BATCH_SIZE) {
    const records = await db.application.findMany({
      where: { organizationId: actor.organizationId, caseNumber: { in: numbers.slice(start, start + BATCH_SIZE) } },
      select: {
        caseNumber: true,
        dueOn: true,
        clockPhase: true,
        agentName: true,
        feePaidAmount: true,
        handler: { select: { displayName: true } },
        events: { where: { type: "DECISION_SERVED", supersededAt: null }, select: { details: true }, orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }], take: 1 },
      },
    });
    for (const record of records) {
      extras.set(record.caseNumber, {
        截止日期: record.dueOn && record.clockPhase !== "CLOSED" ? isoDateFromDb(record.dueOn) : null,
        状态: CLOCK_PHASE_LABELS[record.clockPhase],
        经办人: record.handler?.displayName ?? null,
        代理人: record.agentName,
        缴费金额: record.feePaidAmount?.toFixed(2) ?? null,
        送达方式: serviceMethodOf(record.events[0]?.details),
      });
    }
  }
  return extras;
}
