// What the registration form shows beside the form while the clerk types: the applicant's earlier
// applications, possibly repeated requests, and the applicant's count for the month (按件 fee tier,
// 国办函〔2020〕109号). Every read is scoped to the actor's organization; voided cases do not count.
import "server-only";
import { Prisma, type ApplicationStatus, type Outcome } from "@prisma/client";
import { z } from "zod";
import { readRows } from "../db";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { isoDateSchema } from "../calendar/schemas";
import type { IsoDate } from "../calendar/workdays";
import { perApplicationFee, perApplicationTierLabel } from "../fees/calculator";
import { parseInput } from "../validation";
import { OUTCOME_LABELS } from "./labels";

const EARLIER_APPLICATIONS_LIMIT = 10;
const SIMILAR_REQUESTS_LIMIT = 5;
const SIMILARITY_THRESHOLD = 0.3;
/** Shorter text gives too few trigrams for a meaningful similarity. */
const MIN_SIMILARITY_TEXT_LENGTH = 4;
const EXCERPT_LENGTH = 60;
/** 按件: the 1st–10th applications of a month are free (rules.md §5). */
const FREE_APPLICATIONS_PER_MONTH = 10;

const optionalSearchText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}最多 ${max} 个字`)
    .optional()
    .transform((value) => (value ? value : undefined));

/** What the form sends while the clerk types: every field may still be empty or incomplete. */
export const registrationHintsInputSchema = z.object({
  applicantName: optionalSearchText(100, "申请人姓名或名称"),
  // Upper case as registerApplicationSchema stores it, so that "...123x" finds "...123X".
  applicantIdNumber: optionalSearchText(30, "证件号码").transform((value) => value?.toUpperCase()),
  requestContent: optionalSearchText(5000, "申请内容"),
  receivedOn: isoDateSchema.optional().or(z.literal("").transform(() => undefined)),
});
export type RegistrationHintsInput = z.input<typeof registrationHintsInputSchema>;
type RegistrationHintsQuery = z.output<typeof registrationHintsInputSchema>;

export interface EarlierApplication {
  id: string;
  caseNumber: string;
  receivedOn: IsoDate;
  status: ApplicationStatus;
  outcomeLabel: string | null;
  requestExcerpt: string;
}

export interface SimilarRequest extends EarlierApplication {
  applicantName: string;
  /** pg_trgm similarity of the request texts, 0–1. */
  similarity: number;
}

export interface ApplicantMonthCount {
  /** "2026-02": the calendar month of the receipt date. */
  month: string;
  /** The applicant's applications already registered with a receipt date in that month. */
  registeredCount: number;
  /** The position of the application being registered: registeredCount + 1. */
  nextOrdinal: number;
  nextFee: number;
  nextTierLabel: string;
  /** The application being registered is the 11th or later of the month: 按件 fees may apply. */
  reachesPaidTier: boolean;
}

export interface RegistrationHints {
  /** How the applicant was recognised: by ID number when one was entered, otherwise by exact name. */
  matchedBy: "ID_NUMBER" | "NAME" | null;
  earlierApplications: EarlierApplication[];
  /** False when the request text was too short to look for similar requests. */
  similarSearched: boolean;
  similarRequests: SimilarRequest[];
  monthCount: ApplicantMonthCount | null;
}

/** The first 60 characters on one line, with an ellipsis when cut (code points, not UTF-16 units). */
function requestExcerpt(text: string): string {
  const characters = Array.from(text.replace(/\s+/g, " ").trim());
  return characters.length > EXCERPT_LENGTH ? `${characters.slice(0, EXCERPT_LENGTH).join("")}…` : characters.join("");
}

function monthRange(date: IsoDate): { month: string; from: IsoDate; before: IsoDate } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const nextYear = month === 12 ? year + 1 : year;
  const nextMonth = month === 12 ? 1 : month + 1;
  const pad = (value: number) => String(value).padStart(2, "0");
  return {
    month: date.slice(0, 7),
    from: `${date.slice(0, 7)}-01` as IsoDate,
    before: `${nextYear}-${pad(nextMonth)}-01` as IsoDate,
  };
}

/**
 * The applicant's condition on "Application": one of the two b-trees (organizationId, applicantIdNumber
 * | applicantName, receivedOn) answers it, in date order. The hints' statements go straight to the pool
 * (readRows, prepared: they find rows by key); through Prisma each cost 2–3 ms of the app's CPU, on
 * every pause of the clerk's typing (ADR 0100).
 */
function applicantFilter(query: RegistrationHintsQuery): { matchedBy: RegistrationHints["matchedBy"]; where: Prisma.Sql | null } {
  if (query.applicantIdNumber) return { matchedBy: "ID_NUMBER", where: Prisma.sql`"applicantIdNumber" = ${query.applicantIdNumber}` };
  if (query.applicantName) return { matchedBy: "NAME", where: Prisma.sql`"applicantName" = ${query.applicantName}` };
  return { matchedBy: null, where: null };
}

async function findEarlierApplications(organizationId: string, applicant: Prisma.Sql): Promise<EarlierApplication[]> {
  const rows = await readRows<{
    id: string;
    caseNumber: string;
    receivedOn: IsoDate;
    status: ApplicationStatus;
    outcome: Outcome | null;
    requestContent: string;
  }>(Prisma.sql`
    SELECT "id", "caseNumber", to_char("receivedOn", 'YYYY-MM-DD') AS "receivedOn", "status"::text AS "status",
           "outcome"::text AS "outcome", "requestContent"
    FROM "Application"
    WHERE "organizationId" = ${organizationId} AND "voidedAt" IS NULL AND ${applicant}
    ORDER BY "receivedOn" DESC, "createdAt" DESC
    LIMIT ${EARLIER_APPLICATIONS_LIMIT}::int`);
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.caseNumber,
    receivedOn: row.receivedOn,
    status: row.status,
    outcomeLabel: row.outcome ? OUTCOME_LABELS[row.outcome] : null,
    requestExcerpt: requestExcerpt(row.requestContent),
  }));
}

interface SimilarRequestRow {
  id: string;
  caseNumber: string;
  receivedOn: string;
  applicantName: string;
  status: ApplicationStatus;
  outcome: Outcome | null;
  requestContent: string;
  similarity: number;
}

async function findSimilarRequests(organizationId: string, requestContent: string): Promise<SimilarRequest[]> {
  // The date as text, so that no time zone conversion can touch it.
  const rows = await readRows<SimilarRequestRow>(
    Prisma.sql`
    SELECT "id", "caseNumber", to_char("receivedOn", 'YYYY-MM-DD') AS "receivedOn", "applicantName",
           "status"::text AS "status", "outcome"::text AS "outcome",
           "requestContent", similarity("requestContent", ${requestContent})::float8 AS "similarity"
    FROM "Application"
    WHERE "organizationId" = ${organizationId} AND "voidedAt" IS NULL
      -- The % operator (threshold pg_trgm.similarity_threshold, default 0.3) can use the GiST trigram index
      -- on ("organizationId", "requestContent"); the explicit comparison keeps the threshold ours.
      AND "requestContent" % ${requestContent}
      AND similarity("requestContent", ${requestContent}) > ${SIMILARITY_THRESHOLD}::float8
    -- Nearest first: <-> is 1 - similarity, and the index yields rows in its order, so PostgreSQL stops
    -- after the first few instead of comparing every candidate (ADR 0077).
    ORDER BY "requestContent" <-> ${requestContent}, "receivedOn" DESC, "id"
    LIMIT ${SIMILAR_REQUESTS_LIMIT}::int`,
    // Planned for its text every time (readRows, ADR 0100): how many candidates the index yields depends on it.
    { prepared: false },
  );
  return rows.map((row) => ({
    id: row.id,
    caseNumber: row.caseNumber,
    receivedOn: row.receivedOn,
    applicantName: row.applicantName,
    status: row.status,
    outcomeLabel: row.outcome ? OUTCOME_LABELS[row.outcome] : null,
    requestExcerpt: requestExcerpt(row.requestContent),
    similarity: Number(row.similarity),
  }));
}

async function countApplicantMonth(
  organizationId: string,
  applicant: Prisma.Sql,
  receivedOn: IsoDate,
): Promise<ApplicantMonthCount> {
  const { month, from, before } = monthRange(receivedOn);
  const [counted] = await readRows<{ registeredCount: number }>(Prisma.sql`
    SELECT count(*)::int AS "registeredCount" FROM "Application"
    WHERE "organizationId" = ${organizationId} AND "voidedAt" IS NULL AND ${applicant}
      AND "receivedOn" >= CAST(${from} AS date) AND "receivedOn" < CAST(${before} AS date)`);
  const registeredCount = counted?.registeredCount ?? 0;
  const nextOrdinal = registeredCount + 1;
  return {
    month,
    registeredCount,
    nextOrdinal,
    nextFee: perApplicationFee(nextOrdinal),
    nextTierLabel: perApplicationTierLabel(nextOrdinal),
    reachesPaidTier: nextOrdinal > FREE_APPLICATIONS_PER_MONTH,
  };
}

/**
 * Hints for the application being registered. Applicant matching: the ID number when one is given,
 * otherwise the exact name. Similar requests are searched only for a request of at least 4 characters,
 * the month count only when the applicant and the receipt date are known.
 */
export async function getRegistrationHints({
  actor,
  applicantName,
  applicantIdNumber,
  requestContent,
  receivedOn,
}: { actor: Actor } & RegistrationHintsInput): Promise<RegistrationHints> {
  assertCan(actor, "case:work");
  const query = parseInput(registrationHintsInputSchema, { applicantName, applicantIdNumber, requestContent, receivedOn });
  const { matchedBy, where: applicant } = applicantFilter(query);
  const similarityText =
    query.requestContent && Array.from(query.requestContent).length >= MIN_SIMILARITY_TEXT_LENGTH ? query.requestContent : null;

  const [earlierApplications, similarRequests, monthCount] = await Promise.all([
    applicant ? findEarlierApplications(actor.organizationId, applicant) : [],
    similarityText ? findSimilarRequests(actor.organizationId, similarityText) : [],
    applicant && query.receivedOn ? countApplicantMonth(actor.organizationId, applicant, query.receivedOn) : null,
  ]);
  return { matchedBy, earlierApplications, similarSearched: similarityText !== null, similarRequests, monthCount };
}

