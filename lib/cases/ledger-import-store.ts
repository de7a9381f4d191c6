// Importing a ledger file (interfaces.md §1) into an organization: all or nothing. The file is read and
// every row checked first (lib/cases/ledger-import.ts); only when no row has a problem are the cases,
// their events and proceedings written, in one transaction with batched inserts, together with the
// case number counters, one audit entry per case (its whole imported state) and one for the file.
import "server-only";
import { randomUUID } from "node:crypto";
import { Prisma, type LitigationRoute } from "@prisma/client";
import { db, type Transaction } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { auditableRow, currentOperator, recordAudit, recordAuditEntries } from "../audit/record";
import { loadWorkCalendar } from "../calendar/queries";
import { isoDateFromDb } from "../calendar/dates";
import type { IsoDate } from "../calendar/workdays";
import { organizationCodeSchema } from "../organizations/schemas";
import { parseInput } from "../validation";
import type { CaseEvent } from "./case-events";
import {
  parseLedgerFile,
  sortLedgerIssues,
  validateLedgerRows,
  type LedgerCase,
  type LedgerCaseProceeding,
  type LedgerIssue,
} from "./ledger-import";
import { projectionColumns } from "./persistence";
import { adapterTimestamp } from "../db-timestamp";
import { generateNotificationsAfterChange } from "../notifications/generate";

export interface LedgerFile {
  /** The file name as uploaded (its extension tells CSV from XLSX when the content does not). */
  name: string;
  bytes: Uint8Array;
}

export type LedgerImportResult =
  | { ok: true; importedCount: number; warnings: LedgerIssue[] }
  | { ok: false; errors: LedgerIssue[]; warnings: LedgerIssue[] };

interface ImportTarget {
  id: string;
  feeStopsClock: boolean;
}

/** Large files take seconds to write; the default of 5 s for an interactive transaction is too short. */
const TRANSACTION_TIMEOUT_MS = 10 * 60_000;

/** For the operator (command line): the organization by its code, no signed-in user. */
export async function importLedger({
  organizationCode,
  file,
  today,
}: {
  organizationCode: string;
  file: LedgerFile;
  today: IsoDate;
}): Promise<LedgerImportResult> {
  const code = parseInput(organizationCodeSchema, organizationCode);
  const organization = await db.organization.findUnique({ where: { code }, select: { id: true, feeStopsClock: true } });
  if (!organization) throw new AppError("NOT_FOUND", `机构 ${code} 不存在`);
  return importIntoOrganization({ organization, actor: null, file, today });
}

/** For the app: into the actor's organization; managers and administrators only. */
export async function importLedgerForActor({
  actor,
  file,
  today,
}: {
  actor: Actor;
  file: LedgerFile;
  today: IsoDate;
}): Promise<LedgerImportResult> {
  assertCan(actor, "case:import");
  const organization = await db.organization.findUniqueOrThrow({
    where: { id: actor.organizationId },
    select: { id: true, feeStopsClock: true },
  });
  return importIntoOrganization({ organization, actor, file, today });
}

/**
 * For the app's upload page: every problem of the file, by row and column, without writing anything
 * (the same checks as the import; managers and administrators only).
 */
export async function checkLedgerForActor({ actor, file, today }: { actor: Actor; file: LedgerFile; today: IsoDate }): Promise<LedgerCheckResult> {
  assertCan(actor, "case:import");
  const organization = await db.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { id: true, feeStopsClock: true } });
  const { cases, errors, warnings } = await checkFile(organization, file, today);
  return { caseNumbers: cases.map((ledgerCase) => ledgerCase.caseNumber), errors, warnings };
}

export interface LedgerCheckResult {
  /** The cases the file would import, in file order (when there are no errors). */
  caseNumbers: string[];
  errors: LedgerIssue[];
  warnings: LedgerIssue[];
}

async function checkFile(organization: ImportTarget, file: LedgerFile, today: IsoDate) {
  const parsed = await parseLedgerFile(file.name, file.bytes);
  const [calendar, taken] = await Promise.all([
    loadWorkCalendar(),
    db.application.findMany({ where: { organizationId: organization.id }, select: { caseNumber: true } }),
  ]);
  const validation = validateLedgerRows(parsed.rows, {
    calendar,
    feeStopsClock: organization.feeStopsClock,
    today,
    existingCaseNumbers: new Set(taken.map((application) => application.caseNumber)),
  });
  const warnings = sortLedgerIssues(validation.warnings);
  const errors = sortLedgerIssues([...parsed.errors, ...validation.errors]);
  if (errors.length === 0 && validation.cases.length === 0) {
    errors.push({ row: null, column: null, message: "台账中没有申请：除列名行外都是空行" });
  }
  return { cases: validation.cases, errors, warnings };
}

async function importIntoOrganization({
  organization,
  actor,
  file,
  today,
}: {
  organization: ImportTarget;
  actor: Actor | null;
  file: LedgerFile;
  today: IsoDate;
}): Promise<LedgerImportResult> {
  const { cases, errors, warnings } = await checkFile(organization, file, today);
  if (errors.length > 0) return { ok: false, errors, warnings };

  try {
    const write = { organization, actor, file, cases, warningCount: warnings.length };
    await db.$transaction((tx) => writeCases(tx, write), { timeout: TRANSACTION_TIMEOUT_MS });
  } catch (error) {
    // The numbers were free when checked; another import or registration took one since.
    if (isUniqueViolation(error)) {
      return {
        ok: false,
        errors: [{ row: null, column: "申请编号", message: "导入期间本机构新登记了相同编号的申请，未导入任何申请，请重新导入" }],
        warnings,
      };
    }
    throw error;
  }
  // Imported cases have no handler: the managers hear of them (and of the overdue ones) now.
  await generateNotificationsAfterChange({ today, reason: "导入台账", organizationId: organization.id });
  return { ok: true, importedCount: cases.length, warnings };
}

function isUniqueViolation(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  // A raw statement reports PostgreSQL's own code, 23505 (unique_violation), under P2010.
  return error.code === "P2002" || (error.code === "P2010" && error.message.includes("`23505`"));
}

function chunks<Item>(items: readonly Item[], size: number): Item[][] {
  const result: Item[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

type SqlValue = string | number | boolean | null;

interface ColumnSpec<Row> {
  name: string;
  /** The PostgreSQL type of the column (the array parameter is cast to this type's array). */
  type: string;
  value: (row: Row) => SqlValue;
}

/** Rows per INSERT: bounds the size of one statement's arrays. */
const INSERT_BATCH_SIZE = 5_000;

/**
 * INSERT … SELECT FROM unnest(one array parameter per column). Why not createMany: Prisma's client
 * prepares every value of every row itself, about 1.3 ms per application row (20 s for 15,000 rows,
 * measured); with one array per column PostgreSQL does that work, in a few hundred milliseconds.
 * Table, column and type names are constants of this file; every value is a bind parameter.
 */
async function insertByColumns<Row>(
  tx: Transaction,
  table: string,
  columns: readonly ColumnSpec<Row>[],
  rows: readonly Row[],
): Promise<void> {
  const names = Prisma.raw(columns.map((column) => `"${column.name}"`).join(", "));
  for (const batch of chunks(rows, INSERT_BATCH_SIZE)) {
    const arrays = columns.map((column) => Prisma.sql`CAST(${batch.map(column.value)} AS ${Prisma.raw(`${column.type}[]`)})`);
    await tx.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} (${names}) SELECT * FROM unnest(${Prisma.join(arrays)})`;
  }
}

type DerivedColumn = keyof ReturnType<typeof projectionColumns>;

/** The derived columns as projectionColumns writes them; a column added there fails to compile here until typed. */
const DERIVED_COLUMN_TYPES: Record<DerivedColumn, string> = {
  status: '"ApplicationStatus"',
  clockPhase: '"ClockPhase"',
  dueOn: "date",
  dueIsProvisional: "boolean",
  correctionNoticeDueOn: "date",
  correctionRequestedOn: "date",
  correctionNoticeLate: "boolean",
  correctionDeadlineOn: "date",
  correctionReceivedOn: "date",
  consultationSentOn: "date",
  consultationAnsweredOn: "date",
  consultationReplyDueOn: "date",
  extensionNotifiedOn: "date",
  extensionWorkdays: "integer",
  feeMethod: '"FeeMethod"',
  feeNoticeOn: "date",
  feeAmount: "numeric",
  feePaymentDueOn: "date",
  feePaidOn: "date",
  feePaidAmount: "numeric",
  closedOn: "date",
  outcome: '"Outcome"',
};

/** A derived column's value as a bind parameter: DATE columns as YYYY-MM-DD. */
function derivedValue(value: Date | SqlValue): SqlValue {
  return value instanceof Date ? isoDateFromDb(value) : value;
}

interface ApplicationRow {
  id: string;
  ledgerCase: LedgerCase;
  derived: ReturnType<typeof projectionColumns>;
}

interface EventRow {
  applicationId: string;
  event: CaseEvent;
  createdAt: string;
}

interface ProceedingRow {
  id: string;
  applicationId: string;
  kind: "RECONSIDERATION" | "LITIGATION";
  route: LitigationRoute | null;
  reconsiderationId: string | null;
  proceeding: LedgerCaseProceeding;
}

async function writeCases(
  tx: Transaction,
  {
    organization,
    actor,
    file,
    cases,
    warningCount,
  }: { organization: ImportTarget; actor: Actor | null; file: LedgerFile; cases: readonly LedgerCase[]; warningCount: number },
): Promise<void> {
  const organizationId = organization.id;
  const importedAt = Date.now();
  const updatedAt = adapterTimestamp(new Date(importedAt));

  const applications: ApplicationRow[] = cases.map((ledgerCase) => ({
    id: randomUUID(),
    ledgerCase,
    derived: projectionColumns(ledgerCase.projection),
  }));
  const applicationColumns: ColumnSpec<ApplicationRow>[] = [
    { name: "id", type: "text", value: (row) => row.id },
    { name: "organizationId", type: "text", value: () => organizationId },
    { name: "caseNumber", type: "text", value: (row) => row.ledgerCase.caseNumber },
    { name: "caseYear", type: "integer", value: (row) => row.ledgerCase.caseYear },
    { name: "caseSequence", type: "integer", value: (row) => row.ledgerCase.caseSequence },
    { name: "receivedOn", type: "date", value: (row) => row.ledgerCase.receivedOn },
    { name: "channel", type: '"Channel"', value: (row) => row.ledgerCase.channel },
    { name: "applicantType", type: '"ApplicantType"', value: (row) => row.ledgerCase.applicantType },
    { name: "applicantName", type: "text", value: (row) => row.ledgerCase.applicantName },
    { name: "applicantIdNumber", type: "text", value: (row) => row.ledgerCase.applicantIdNumber },
    { name: "applicantContact", type: "text", value: (row) => row.ledgerCase.applicantContact },
    { name: "requestContent", type: "text", value: (row) => row.ledgerCase.requestContent },
    ...(Object.entries(DERIVED_COLUMN_TYPES) as [DerivedColumn, string][]).map(
      ([name, type]): ColumnSpec<ApplicationRow> => ({ name, type, value: (row) => derivedValue(row.derived[name]) }),
    ),
    { name: "updatedAt", type: "timestamptz", value: () => updatedAt },
  ];
  await insertByColumns(tx, "Application", applicationColumns, applications);

  // Events replay by (occurredOn, createdAt, id): consecutive createdAt keep same-day events in order.
  const events: EventRow[] = applications.flatMap(({ id, ledgerCase }) =>
    ledgerCase.events.map((event, position) => ({
      applicationId: id,
      event,
      createdAt: adapterTimestamp(new Date(importedAt + position)),
    })),
  );
  const eventColumns: ColumnSpec<EventRow>[] = [
    { name: "id", type: "text", value: () => randomUUID() },
    { name: "organizationId", type: "text", value: () => organizationId },
    { name: "applicationId", type: "text", value: (row) => row.applicationId },
    { name: "type", type: '"CaseEventType"', value: (row) => row.event.type },
    { name: "occurredOn", type: "date", value: (row) => row.event.occurredOn },
    { name: "details", type: "jsonb", value: (row) => JSON.stringify(row.event.details) },
    { name: "createdAt", type: "timestamptz", value: (row) => row.createdAt },
  ];
  await insertByColumns(tx, "CaseEvent", eventColumns, events);

  const reconsiderations: ProceedingRow[] = [];
  const litigations: ProceedingRow[] = [];
  for (const { id: applicationId, ledgerCase } of applications) {
    const reconsiderationId = ledgerCase.reconsideration ? randomUUID() : null;
    if (ledgerCase.reconsideration && reconsiderationId) {
      reconsiderations.push({
        id: reconsiderationId,
        applicationId,
        kind: "RECONSIDERATION",
        route: null,
        reconsiderationId: null,
        proceeding: ledgerCase.reconsideration,
      });
    }
    if (ledgerCase.litigation) {
      const { route } = ledgerCase.litigation;
      litigations.push({
        id: randomUUID(),
        applicationId,
        kind: "LITIGATION",
        route,
        reconsiderationId: route === "AFTER_RECONSIDERATION" ? reconsiderationId : null,
        proceeding: ledgerCase.litigation,
      });
    }
  }
  const proceedingColumns: ColumnSpec<ProceedingRow>[] = [
    { name: "id", type: "text", value: (row) => row.id },
    { name: "organizationId", type: "text", value: () => organizationId },
    { name: "applicationId", type: "text", value: (row) => row.applicationId },
    { name: "kind", type: '"ProceedingKind"', value: (row) => row.kind },
    { name: "route", type: '"LitigationRoute"', value: (row) => row.route },
    { name: "reconsiderationId", type: "text", value: (row) => row.reconsiderationId },
    { name: "filedOn", type: "date", value: (row) => row.proceeding.filedOn },
    { name: "result", type: '"ProceedingResult"', value: (row) => row.proceeding.result },
    { name: "decidedOn", type: "date", value: (row) => row.proceeding.decidedOn },
    { name: "updatedAt", type: "timestamptz", value: () => updatedAt },
  ];
  // Reconsiderations first: a lawsuit after reconsideration refers to one.
  await insertByColumns(tx, "Proceeding", proceedingColumns, reconsiderations);
  await insertByColumns(tx, "Proceeding", proceedingColumns, litigations);

  // Registration allocates the next number from the counter (and skips taken numbers): start it past
  // the imported ones, so that the first registrations after an import do not probe them one by one.
  const highestSequenceOfYear = new Map<number, number>();
  for (const { caseYear, caseSequence } of cases) {
    highestSequenceOfYear.set(caseYear, Math.max(highestSequenceOfYear.get(caseYear) ?? 0, caseSequence));
  }
  for (const [year, sequence] of highestSequenceOfYear) {
    if (sequence === 0) continue;
    await tx.$executeRaw`
      INSERT INTO "CaseNumberCounter" ("organizationId", "year", "lastSequence") VALUES (${organizationId}, ${year}, ${sequence})
      ON CONFLICT ("organizationId", "year") DO UPDATE SET "lastSequence" = GREATEST("CaseNumberCounter"."lastSequence", EXCLUDED."lastSequence")`;
  }

  // Who imported: the signed-in user, or the operator's system account at the command line.
  const operator = actor ? undefined : currentOperator();
  const reason = actor ? undefined : "由运维人员通过命令行导入";
  await recordAuditEntries(
    tx,
    actor,
    applications.map(({ id, ledgerCase, derived }) => ({
      organizationId,
      applicationId: id,
      action: "application.import",
      entityType: "Application",
      entityId: id,
      after: importedCaseState(ledgerCase, derived),
      reason: `${reason ?? "导入台账"}（文件 ${file.name}，第 ${ledgerCase.rowNumber} 行）`,
      operator,
    })),
  );
  await recordAudit(tx, actor, {
    organizationId,
    action: "ledger.import",
    entityType: "Organization",
    entityId: organizationId,
    after: { fileName: file.name, rowCount: cases.length, warningCount },
    reason,
    operator,
  });
}

/** Everything an imported case holds, as its audit entry's "after". */
function importedCaseState(ledgerCase: LedgerCase, derived: ReturnType<typeof projectionColumns>): Prisma.InputJsonValue {
  const { reconsideration, litigation } = ledgerCase;
  return {
    caseNumber: ledgerCase.caseNumber,
    receivedOn: ledgerCase.receivedOn,
    channel: ledgerCase.channel,
    applicantType: ledgerCase.applicantType,
    applicantName: ledgerCase.applicantName,
    applicantIdNumber: ledgerCase.applicantIdNumber,
    applicantContact: ledgerCase.applicantContact,
    requestContent: ledgerCase.requestContent,
    events: ledgerCase.events.map((event) => ({ type: event.type, occurredOn: event.occurredOn, details: event.details as Prisma.InputJsonValue })),
    reconsideration: reconsideration ? { ...reconsideration } : null,
    litigation: litigation ? { ...litigation } : null,
    ...auditableRow(derived),
  };
}
