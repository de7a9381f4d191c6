// The case list (案件台账) and its export. Every read is scoped to the actor's organization.
//
// Why raw SQL for the selection: the search must be written as the exact expression of its indexes
// (SEARCH_KEYS_EXPRESSION below, migration 20261216000000) for PostgreSQL to use them, and Prisma's
// `where` can neither express it nor mix a raw fragment into a query. So the WHERE / ORDER BY / LIMIT
// that select the page's ids (and the count) are one Prisma.sql template: every value is a bind
// parameter (the search text included, its LIKE wildcards escaped); only fixed SQL from the sort
// whitelist below is spliced in with Prisma.raw. They go straight to the pool, unnamed (readRows with
// `prepared: false`): planned for their values every time, without Prisma's cost per call (ADR 0100).
import "server-only";
import { Prisma, type Role, type ApplicantType, type ApplicationStatus, type Channel, type ClockPhase, type Outcome } from "@prisma/client";
import { readRows } from "../db";
import type { Actor } from "../auth/actor";
import { type IsoDate, type WorkCalendar } from "../calendar/workdays";
import { toLedgerRow, type LedgerApplication, type LedgerProceeding, type LedgerRow } from "./ledger";
import { dbDateFromIso } from "../calendar/dates";
import { CASE_LIST_OUTCOME_GROUPS, type CaseListQuery, type CaseListSort, type CaseListSortColumn } from "./list-schemas";
import { OUTCOME_GROUPS, OUTCOMES } from "./labels";
import { dueStatus, lastDueSoonDate, type DueStatus } from "./projection";

/**
 * What the search looks in: case number, applicant, 代理人, 证件号码, both contacts (phone, e-mail …)
 * and the request text, as one text for a two-character word.
 */
const SEARCH_EXPRESSION = Prisma.sql`(a."caseNumber" || ' ' || a."applicantName" || ' ' || coalesce(a."agentName", '') || ' ' ||
  coalesce(a."applicantIdNumber", '') || ' ' || coalesce(a."applicantContact", '') || ' ' ||
  coalesce(a."agentContact", '') || ' ' || a."requestContent")`;

/**
 * The same fields as two texts for a word of three characters or more: the case's own text, and the
 * parties' identifiers (a word is not looked for across the boundary of the two, ADR 0080).
 */
const CASE_TEXT_EXPRESSION = Prisma.sql`(a."caseNumber" || ' ' || a."applicantName" || ' ' || a."requestContent")`;
const PARTIES_EXPRESSION = Prisma.sql`(coalesce(a."agentName", '') || ' ' || coalesce(a."applicantIdNumber", '') || ' ' ||
  coalesce(a."applicantContact", '') || ' ' || coalesce(a."agentContact", ''))`;

/**
 * The search index's keys of a case (migrations 20261216000000 and 20261222000000, ADR 0098 and 0074):
 * "<organization> <O|C> <piece>" for the characters and bigrams of SEARCH_EXPRESSION and the trigrams
 * of the two texts, lower-cased. Written exactly as the index's expression: change both together.
 */
const SEARCH_KEYS_EXPRESSION = Prisma.sql`gongkai_case_search_keys(a."organizationId", a."status" = 'OPEN', ${SEARCH_EXPRESSION}, ${CASE_TEXT_EXPRESSION}, ${PARTIES_EXPRESSION})`;

const SORT_COLUMNS: Record<CaseListSortColumn, { sql: Prisma.Sql; nullable: boolean }> = {
  caseNumber: { sql: Prisma.raw(`a."caseNumber"`), nullable: false },
  receivedOn: { sql: Prisma.raw(`a."receivedOn"`), nullable: false },
  dueOn: { sql: Prisma.raw(`a."dueOn"`), nullable: true },
  closedOn: { sql: Prisma.raw(`a."closedOn"`), nullable: true },
  applicantName: { sql: Prisma.raw(`a."applicantName"`), nullable: false },
};

/** The dates the due filters compare with, from `today` and the working-day calendar. */
interface DueWindow {
  today: IsoDate;
  /** The last date with at most DUE_SOON_WORKDAYS working days left (dueStatus's DUE_SOON). */
  lastDueSoonDate: IsoDate;
}

function dueWindow(today: IsoDate, calendar: WorkCalendar): DueWindow {
  return { today, lastDueSoonDate: lastDueSoonDate(calendar, today) };
}

/** LIKE pattern for "contains": the user's %, _ and \ match themselves. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

/**
 * Which of the index's key groups a search reads: the open cases' (true), the closed ones' (false).
 * A list of open cases (状态 未办结, or a due filter, which only open cases have) reads the open ones
 * alone: a few weeks' intake, where a frequent word's keys over all of a large organization's cases
 * are hundreds of thousands (ADR 0098). The list's own status condition stays: this only narrows
 * what the index returns to cases that condition keeps anyway.
 */
function searchedKeyGroups(query: CaseListQuery): readonly boolean[] {
  const status = query.status ?? (query.due ? "OPEN" : query.timeliness ? "CLOSED" : undefined);
  if (status === "OPEN") return [true];
  if (status === "CLOSED") return [false];
  return [true, false];
}

/**
 * The search condition: every word of the search (separated by spaces) is found. For each word, the
 * index condition finds the cases of the actor's organization whose keys contain every piece of it:
 * for one or two characters the word itself, a character or a bigram of the whole searched text
 * (gongkai_case_search_word_key); from three characters on its trigrams in one of the two texts
 * (gongkai_case_search_keys computes them the way it computes a case's). The LIKE / ILIKE '%词%'
 * beside it decides; the index only narrows. ILIKE lower-cases every row's text (on UTF-8 it costs
 * about three times a LIKE), yet only letters have case: for a search without any (Chinese, digits,
 * "-"), LIKE matches the same rows.
 */
function searchCondition(
  organizationId: string,
  text: string,
  keyGroups: readonly boolean[],
  use: "index" | "scan" | "keys" | "like" = "index",
): Prisma.Sql {
  // Several words separated by spaces ("李 娜", "拆迁 补偿"): a case has every one of them, each
  // anywhere in the searched fields; each word is a condition of its own, which the index ANDs.
  const words = text.split(/\s+/).filter((word) => word !== "");
  if (words.length > 1) return Prisma.sql`(${Prisma.join(words.map((word) => searchCondition(organizationId, word, keyGroups, use)), " AND ")})`;
  const hasCasedLetters = text.toLowerCase() !== text.toUpperCase();
  const operator = Prisma.raw(hasCasedLetters ? "ILIKE" : "LIKE");
  const pattern = containsPattern(text);
  const length = [...text].length;
  const like =
    length <= 2
      ? Prisma.sql`${SEARCH_EXPRESSION} ${operator} ${pattern}`
      : Prisma.sql`(${CASE_TEXT_EXPRESSION} ${operator} ${pattern} OR ${PARTIES_EXPRESSION} ${operator} ${pattern})`;
  // A single character in the WHERE (a frequent one, readsSearchFirst): the LIKE alone, as a walk of a
  // sort index tests it; beside it the keys would be computed for every case that contains it.
  if (length === 1 && use === "scan") return like;
  // The LIKE alone: over the first cases of the sort order (selectFrequentWordPage).
  if (use === "like") return like;
  const wordKeys = (open: boolean) =>
    length <= 2
      ? Prisma.sql`gongkai_case_search_word_key(${organizationId}::text, ${Prisma.raw(String(open))}, ${text}::text)`
      : Prisma.sql`gongkai_case_search_keys(${organizationId}::text, ${Prisma.raw(String(open))}, '', ${text}::text, '')`;
  const keys = Prisma.join(
    keyGroups.map((open) => Prisma.sql`${SEARCH_KEYS_EXPRESSION} @> ${wordKeys(open)}`),
    " OR ",
  );
  // The index condition alone: for the planner's estimate of a single character (singleCharacterIsRare),
  // and for a word of one or two characters read from the index, whose key is the word itself: a case
  // has it exactly when its whole searched text contains the word, lower-cased on both sides as ILIKE
  // compares (and for a word without cased letters LIKE matches the same), so the LIKE would only test
  // each match again (about 5 ms per 10,000 matches).
  if (use === "keys" || (use === "index" && length <= 2)) return Prisma.sql`(${keys})`;
  // The LIKE after the index condition on purpose: a plan that tests case after case (walking a sort
  // index) evaluates the cheap LIKE first (PostgreSQL orders a scan's conditions by cost, and the
  // keys function is declared expensive), so that the keys are computed only for the cases that
  // contain the word (ADR 0085); a bitmap scan of the index never rechecks them (`@>` is exact).
  return Prisma.sql`((${keys}) AND ${like})`;
}

/**
 * How the list's statements read a search: the matches first, from the index, in a subquery (its
 * LIMIT or OFFSET keeps PostgreSQL from merging it into the outer statement, whose WHERE then leaves
 * the search out), or the search as one more condition of the WHERE.
 *
 * Matches first: there is no organization condition inside, the keys being the organization's own; the
 * outer WHERE keeps only its cases. With the condition beside the index's, the planner (which takes the
 * two for independent) ANDs the index's matches with every entry of the organization in an
 * (organizationId, …) b-tree: 8,265 matches of "张伟" at 1,000,000 cases, 0.3–1 s reading the
 * b-tree's million entries. For the list's page and count the subquery stops at `limit` matches: a
 * word in more cases than that is read the other way (below), since reading all of its matches to sort
 * them would cost more than walking a sort index until a page is full (ADR 0098).
 *
 * One condition of the WHERE: the planner combines the index with the list's other conditions or walks
 * a sort index testing the cheap LIKE first (searchCondition).
 */
function searchFirstFrom(actor: Actor, query: CaseListQuery, limit?: number): Prisma.Sql {
  const matches = searchCondition(actor.organizationId, query.q!, searchedKeyGroups(query));
  return limit === undefined
    ? Prisma.sql`(SELECT * FROM "Application" a WHERE ${matches} OFFSET 0) a`
    : Prisma.sql`(SELECT * FROM "Application" a WHERE ${matches} LIMIT ${limit}) a`;
}

/** A search the index can answer: any word (a single character has a key too, ADR 0074). */
function searchesIndex(query: CaseListQuery): query is CaseListQuery & { q: string } {
  return query.q !== undefined && query.q.length > 0;
}

/**
 * Whether the list's page reads the search's matches first: unless another filter has a b-tree of its
 * own (receipt or closing dates, handler, due dates), which the planner ANDs with the index to visit
 * only the cases both keep (the year 2024 and "张伟" at 1,000,000 cases: 774 of the word's 8,265, 40 ms
 * p95, against 101 ms reading all 8,265 first); and a single character only when it is rare
 * (singleCharacterIsRare). Exported for its integration test, which checks both ways of a single character.
 */
export async function readsSearchFirst(actor: Actor, query: CaseListQuery, limit: number): Promise<boolean> {
  const indexedFilter = query.receivedFrom || query.receivedTo || query.closedFrom || query.closedTo || query.handler || query.due;
  if (!searchesIndex(query) || indexedFilter) return false;
  return [...query.q].length > 1 || singleCharacterIsRare(actor, query, limit);
}

/**
 * Whether a single character is rare enough to read its matches first: PostgreSQL's estimate of its
 * key's cases (the index expression's statistics list the frequent keys). A character in most cases
 * ("区" in every request) would read its whole list of index entries, which no longer fits an exact
 * bitmap (the recheck then computes every case's keys: 188 ms at 100,000 cases, ADR 0074); the walk of
 * a sort index testing the LIKE finds a page of it at once. Two characters and more are read first
 * always (ADR 0098).
 */
async function singleCharacterIsRare(actor: Actor, query: CaseListQuery & { q: string }, limit: number): Promise<boolean> {
  const keys = searchCondition(actor.organizationId, query.q, searchedKeyGroups(query), "keys");
  const [row] = await readRows<{ "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }>(
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM "Application" a WHERE ${keys}`,
    { prepared: false },
  );
  const estimate = row?.["QUERY PLAN"]?.[0]?.Plan?.["Plan Rows"];
  return estimate !== undefined && estimate <= limit;
}

/**
 * The list's conditions, with the search among them ("scan", searchCondition) unless the FROM has read
 * its matches ("from", searchFirstFrom).
 */
function caseListWhere(actor: Actor, query: CaseListQuery, window: DueWindow | null, search: "from" | "scan"): Prisma.Sql {
  const conditions: Prisma.Sql[] = [
    Prisma.sql`a."organizationId" = ${actor.organizationId}`,
    // Voided cases (作废) are listed only under their own filter.
    query.voided ? Prisma.sql`a."voidedAt" IS NOT NULL` : Prisma.sql`a."voidedAt" IS NULL`,
  ];
  if (query.status) conditions.push(Prisma.sql`a."status" = CAST(${query.status} AS "ApplicationStatus")`);
  if (query.phase) conditions.push(Prisma.sql`a."clockPhase" = CAST(${query.phase} AS "ClockPhase")`);
  if (query.applicantType) conditions.push(Prisma.sql`a."applicantType" = CAST(${query.applicantType} AS "ApplicantType")`);
  if (query.channel) conditions.push(Prisma.sql`a."channel" = CAST(${query.channel} AS "Channel")`);
  if (query.outcome) conditions.push(Prisma.sql`a."outcome" = CAST(${query.outcome} AS "Outcome")`);
  if (query.receivedFrom) conditions.push(Prisma.sql`a."receivedOn" >= CAST(${query.receivedFrom} AS date)`);
  if (query.receivedTo) conditions.push(Prisma.sql`a."receivedOn" <= CAST(${query.receivedTo} AS date)`);
  if (query.closedFrom) conditions.push(Prisma.sql`a."closedOn" >= CAST(${query.closedFrom} AS date)`);
  if (query.closedTo) conditions.push(Prisma.sql`a."closedOn" <= CAST(${query.closedTo} AS date)`);
  if (query.handler === "me") conditions.push(Prisma.sql`a."handlerId" = ${actor.userId}`);
  else if (query.handler === "none") conditions.push(Prisma.sql`a."handlerId" IS NULL`);
  else if (query.handler) conditions.push(Prisma.sql`a."handlerId" = ${query.handler.userId}`);
  // Not tested again when the FROM has read the matches: each would compute its keys.
  if (query.q && search !== "from") conditions.push(searchCondition(actor.organizationId, query.q, searchedKeyGroups(query), search));
  if (query.outcomeGroup) {
    const outcomes = OUTCOMES.filter((outcome) => OUTCOME_GROUPS[outcome] === CASE_LIST_OUTCOME_GROUPS[query.outcomeGroup!]);
    conditions.push(Prisma.sql`a."outcome" IN (${Prisma.join(outcomes.map((outcome) => Prisma.sql`CAST(${outcome} AS "Outcome")`))})`);
  }
  if (query.timeliness) {
    // A reply period that ran: a due date, and not closed while still waiting for the 补正.
    conditions.push(Prisma.sql`a."status" = 'CLOSED' AND a."dueOn" IS NOT NULL
      AND NOT (a."correctionRequestedOn" IS NOT NULL AND a."correctionReceivedOn" IS NULL)`);
    conditions.push(query.timeliness === "onTime" ? Prisma.sql`a."closedOn" <= a."dueOn"` : Prisma.sql`a."closedOn" > a."dueOn"`);
  }
  if (query.proceeding || query.proceedingResult || query.proceedingFiledFrom || query.proceedingFiledTo) {
    const proceeding: Prisma.Sql[] = [Prisma.sql`p."applicationId" = a."id"`, Prisma.sql`NOT p."onlyCoDefendantAsReviewOrgan"`];
    if (query.proceeding) proceeding.push(Prisma.sql`p."kind" = CAST(${query.proceeding} AS "ProceedingKind")`);
    if (query.proceedingResult === "PENDING") proceeding.push(Prisma.sql`p."result" IS NULL`);
    else if (query.proceedingResult) proceeding.push(Prisma.sql`p."result" = CAST(${query.proceedingResult} AS "ProceedingResult")`);
    if (query.proceedingFiledFrom) proceeding.push(Prisma.sql`p."filedOn" >= CAST(${query.proceedingFiledFrom} AS date)`);
    if (query.proceedingFiledTo) proceeding.push(Prisma.sql`p."filedOn" <= CAST(${query.proceedingFiledTo} AS date)`);
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Proceeding" p WHERE ${Prisma.join(proceeding, " AND ")})`);
  }
  if (query.due) {
    if (!window) throw new Error("按到期情况筛选需要当天日期和工作日历");
    conditions.push(Prisma.sql`a."status" = 'OPEN'`);
    if (query.due === "overdue") {
      conditions.push(Prisma.sql`a."dueOn" < CAST(${window.today} AS date)`);
    } else {
      conditions.push(Prisma.sql`a."dueOn" >= CAST(${window.today} AS date)`);
      conditions.push(Prisma.sql`a."dueOn" <= CAST(${window.lastDueSoonDate} AS date)`);
    }
  }
  return Prisma.join(conditions, " AND ");
}

/** Empty dates last in both directions; the id breaks ties so that pages never overlap or skip rows. */
function caseListOrderBy(sort: CaseListSort): Prisma.Sql {
  const column = SORT_COLUMNS[sort.id];
  const direction = Prisma.raw(sort.desc ? "DESC" : "ASC");
  // A plain ASC already puts NULLs last; writing NULLS LAST only where it changes something keeps the
  // ORDER BY matching the b-tree indexes (a backward scan yields DESC NULLS FIRST).
  const nulls = Prisma.raw(column.nullable && sort.desc ? " NULLS LAST" : "");
  return Prisma.sql`ORDER BY ${column.sql} ${direction}${nulls}, a."id" ${direction}`;
}

/** What the list shows of a case: plain, serializable data for the client table. */
export interface CaseListRow {
  id: string;
  caseNumber: string;
  receivedOn: IsoDate;
  applicantName: string;
  applicantType: ApplicantType;
  channel: Channel;
  /** The request text, cut to REQUEST_EXCERPT_LENGTH characters (the full text is on the case page). */
  requestContent: string;
  status: ApplicationStatus;
  clockPhase: ClockPhase;
  dueOn: IsoDate | null;
  dueIsProvisional: boolean;
  due: { status: DueStatus; workdaysLeft: number | null };
  closedOn: IsoDate | null;
  outcome: Outcome | null;
  handlerName: string | null;
  /** Voided (作废): listed only under the 已作废 filter. */
  voided: boolean;
  /** The row's version as the list was loaded: a batch action (lib/batch) refuses a case changed since. */
  version: number;
}

export interface CaseListResult {
  rows: CaseListRow[];
  /**
   * Cases matching the filters, over all pages; at least this many when `totalIsLowerBound` (the
   * count stops at CASE_LIST_COUNT_LIMIT: counting a million cases costs more than the page).
   */
  total: number;
  totalIsLowerBound: boolean;
  /** The page shown: the requested one, or the last page when the request was past the end. */
  page: number;
  pageSize: number;
}

const REQUEST_EXCERPT_LENGTH = 200;

function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/** A case of the page as selectPage reads it: the dates as YYYY-MM-DD, the enums as their names. */
type CaseListRecord = Omit<CaseListRow, "due">;

/** A CaseListRecord's columns, from the case `a` and its handler `h`. */
const PAGE_ROW_COLUMNS = Prisma.sql`a."id", a."caseNumber", to_char(a."receivedOn", 'YYYY-MM-DD') AS "receivedOn", a."applicantName",
  a."applicantType"::text AS "applicantType", a."channel"::text AS "channel",
  left(a."requestContent", ${REQUEST_EXCERPT_LENGTH}) AS "requestContent",
  a."status"::text AS "status", a."clockPhase"::text AS "clockPhase",
  to_char(a."dueOn", 'YYYY-MM-DD') AS "dueOn", a."dueIsProvisional",
  to_char(a."closedOn", 'YYYY-MM-DD') AS "closedOn", a."outcome"::text AS "outcome",
  h."displayName" AS "handlerName", a."voidedAt" IS NOT NULL AS "voided", a."version"`;

/**
 * One page of the list in one statement: the page's ids in the list's order (the subquery, which the
 * sort indexes answer), then their columns and the handler's name. Was the ids, then the rows and
 * their handlers through Prisma: three statements (issue 14).
 */
async function selectPage(
  actor: Actor,
  from: Prisma.Sql,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  page: number,
  pageSize: number,
): Promise<CaseListRecord[]> {
  return readRows<CaseListRecord>(
    Prisma.sql`
    SELECT ${PAGE_ROW_COLUMNS}
    FROM (SELECT a."id" FROM ${from} WHERE ${where} ${orderBy} LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}) AS "page"
    JOIN "Application" a ON a."id" = "page"."id" AND a."organizationId" = ${actor.organizationId}
    LEFT JOIN "User" h ON h."id" = a."handlerId"
    ${orderBy}`,
    { prepared: false },
  );
}

/**
 * The list counts matches up to this many and then says "10000+": an exact count reads every match
 * (at 1,000,000 cases, hundreds of milliseconds for the unfiltered list), while nobody pages through
 * more than 500 pages. ADR 0081.
 */
export const CASE_LIST_COUNT_LIMIT = 10_000;

async function countMatches(from: Prisma.Sql, where: Prisma.Sql, limit?: number): Promise<number> {
  const capped = limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit + 1}`;
  const [row] = await readRows<{ total: number }>(
    Prisma.sql`SELECT count(*)::int AS "total" FROM (SELECT 1 FROM ${from} WHERE ${where} ${capped}) AS "matches"`,
    { prepared: false },
  );
  return row?.total ?? 0;
}

/** What selectSearchMatches keeps of each match: the columns of the list's sort orders (SORT_COLUMNS). */
const MATCH_COLUMNS = Prisma.join(
  [Prisma.raw(`a."id"`), ...Object.values(SORT_COLUMNS).map((column) => column.sql)],
  ", ",
);

interface SearchMatches {
  records: CaseListRecord[];
  /** How many of the matches read the list's conditions keep. */
  kept: number;
  /** How many matches the search read: `limit` when it stopped there (there may be more). */
  found: number;
}

/**
 * A search read first (searchFirstFrom), its page and its counts in one statement: the search's
 * matches are read once, at most `limit` of them, each with whether the list's conditions keep it and
 * the columns the sort needs (MATCH_COLUMNS); the page is the first rows of the kept ones in the list's
 * order (a top-N sort), the counts one pass over them. Was two statements, the page and the count,
 * each reading the same matches (ADR 0074); then a second copy of the kept matches and a sort of all
 * of them for the page's positions (a frequent word's 10,001 matches: 34 → 17 ms). The one row with
 * the counts comes back even when the page is empty.
 */
async function selectSearchMatches(
  actor: Actor,
  query: CaseListQuery,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  limit: number,
): Promise<SearchMatches> {
  const matches = searchCondition(actor.organizationId, query.q!, searchedKeyGroups(query));
  // Without a page (no row kept, or a page past the end), the one row has the counts and nulls.
  const rows = await readRows<CaseListRecord & { kept: number; found: number; position: string | null }>(
    Prisma.sql`
    WITH "matches" AS MATERIALIZED (SELECT ${MATCH_COLUMNS}, (${where}) AS "kept" FROM "Application" a WHERE ${matches} LIMIT ${limit}),
         "page" AS (SELECT a."id", row_number() OVER (${orderBy}) AS "position"
                    FROM (SELECT * FROM "matches" a WHERE a."kept" ${orderBy} LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}) AS a)
    SELECT "counts"."kept", "counts"."found", "rows".*
    FROM (SELECT (count(*) FILTER (WHERE "kept"))::int AS "kept", count(*)::int AS "found" FROM "matches") AS "counts" LEFT JOIN (
      SELECT "page"."position", ${PAGE_ROW_COLUMNS}
      FROM "page"
      JOIN "Application" a ON a."id" = "page"."id" AND a."organizationId" = ${actor.organizationId}
      LEFT JOIN "User" h ON h."id" = a."handlerId"
    ) AS "rows" ON true
    ORDER BY "rows"."position"`,
    { prepared: false },
  );
  const records = rows.flatMap(({ kept: _kept, found: _found, position, ...record }) => (position === null ? [] : [record]));
  return { records, kept: rows[0]?.kept ?? 0, found: rows[0]?.found ?? 0 };
}

/**
 * How many of the first cases in the list's order a frequent word's page is looked for in: `perRow`
 * per row up to the page's end, at most `max`. A word in more than CASE_LIST_COUNT_LIMIT of the cases
 * the list keeps is in one in ten of them at 100,000 cases, so page 1 (20 rows) is found among the
 * first 400.
 */
const FREQUENT_WORD_WINDOW = { perRow: 20, max: 5_000 };

/**
 * The page of a word found in more cases than the count's limit (its count is known: "10000+"): looked
 * for with the LIKE alone among the first cases of the list's order, which the sort's b-tree yields
 * (the list's conditions without the search, then the LIKE over at most a few thousand rows: 3 ms).
 * Exact when the page comes back full: every case before the window's last one in the order was
 * tested. Otherwise (a deep page, a rarer word among a million cases) undefined, and the page is read
 * as any other, with the index condition: all of the word's matches and a top-N sort, 25–45 ms at
 * 100,000 cases for a word in 10,800 of them. PostgreSQL would not walk the sort index for the LIKE
 * itself: it estimates a LIKE as rare.
 */
async function selectFrequentWordPage(
  actor: Actor,
  query: CaseListQuery,
  where: Prisma.Sql,
  orderBy: Prisma.Sql,
  { perRow, max }: typeof FREQUENT_WORD_WINDOW,
): Promise<CaseListRecord[] | undefined> {
  const window = query.page * query.pageSize * perRow;
  if (window > max) return undefined;
  const first = Prisma.sql`(SELECT a.* FROM "Application" a WHERE ${where} ${orderBy} LIMIT ${window}) a`;
  const like = searchCondition(actor.organizationId, query.q!, searchedKeyGroups(query), "like");
  const records = await selectPage(actor, first, like, orderBy, query.page, query.pageSize);
  return records.length === query.pageSize ? records : undefined;
}

/** One page of the organization's cases, filtered, searched and sorted on the server. */
export async function findApplications({
  actor,
  query,
  today,
  calendar,
  countLimit = CASE_LIST_COUNT_LIMIT,
  frequentWordWindow = FREQUENT_WORD_WINDOW,
}: {
  actor: Actor;
  query: CaseListQuery;
  today: IsoDate;
  calendar: WorkCalendar;
  /** Stop counting past this many matches (tests lower it). */
  countLimit?: number;
  /** Where a frequent word's page is looked for first (selectFrequentWordPage; tests narrow it). */
  frequentWordWindow?: typeof FREQUENT_WORD_WINDOW;
}): Promise<CaseListResult> {
  const window = dueWindow(today, calendar);
  const orderBy = caseListOrderBy(query.sort);
  let page = query.page;
  let from = Prisma.sql`"Application" a`;
  let where = caseListWhere(actor, query, window, "scan");
  let searched: { records?: CaseListRecord[]; counted?: number } = {};
  const limit = countLimit + 1;
  if (await readsSearchFirst(actor, query, limit)) {
    // The search's matches first, up to one more than the count's limit: when it found fewer, the page
    // and the count over them are exact. Otherwise the word is frequent and its page is read the other
    // way (first among the first cases of the order, selectFrequentWordPage, when the count is known);
    // so is its count, unless the matches read already hold more than the limit that the list's
    // conditions keep (then the list says "10000+" either way).
    const matchesWhere = caseListWhere(actor, query, window, "from");
    const matches = await selectSearchMatches(actor, query, matchesWhere, orderBy, limit);
    if (matches.found < limit) {
      [from, where] = [searchFirstFrom(actor, query, limit), matchesWhere];
      searched = { records: matches.records, counted: matches.kept };
    } else if (matches.kept > countLimit) {
      searched = { counted: matches.kept, records: await selectFrequentWordPage(actor, query, matchesWhere, orderBy, frequentWordWindow) };
    }
  }
  const [pageRecords, counted] = await Promise.all([
    searched.records ?? selectPage(actor, from, where, orderBy, page, query.pageSize),
    searched.counted ?? countMatches(from, where, countLimit),
  ]);
  let records = pageRecords;
  let totalIsLowerBound = counted > countLimit;
  let total = totalIsLowerBound ? countLimit : counted;
  if (records.length === 0 && page > 1 && total > 0) {
    // Past the end (an old link): the last page, which needs the exact count.
    if (totalIsLowerBound) {
      total = await countMatches(from, where);
      totalIsLowerBound = false;
    }
    page = pageCount(total, query.pageSize);
    records = await selectPage(actor, from, where, orderBy, page, query.pageSize);
  }
  // A page beyond the counted matches: at least the rows up to this page, and one more page if it is full.
  const rowsUpToPage = (page - 1) * query.pageSize + records.length;
  if (totalIsLowerBound && rowsUpToPage >= total) total = rowsUpToPage + (records.length === query.pageSize ? 1 : 0);

  const rows: CaseListRow[] = records.map((record) => ({
    ...record,
    // PostgreSQL's left() counts characters, JavaScript code units: cut again as the list always did.
    requestContent: record.requestContent.slice(0, REQUEST_EXCERPT_LENGTH),
    due: dueStatus({ status: record.status, dueOn: record.dueOn }, calendar, today),
  }));
  return { rows, total, totalIsLowerBound, page, pageSize: query.pageSize };
}

/** A ledger row's case as the export's statement returns it (dates as Prisma reads them; below). */
type LedgerRecord = Omit<LedgerApplication, "feeAmount" | "proceedings"> & {
  id: string;
  /** numeric(12, 2) as PostgreSQL prints it ("12.50"). */
  feeAmount: string | null;
  proceedings: Array<Omit<LedgerProceeding, "filedOn" | "decidedOn"> & { filedOn: IsoDate; decidedOn: IsoDate | null }>;
};

/**
 * One batch of the export, in the order of `ids`, in one statement: each case with its proceedings
 * as a JSON array (by filing, then recording order). It was a Prisma findMany with the proceedings
 * included (two statements and Prisma's row mapping in JavaScript): a year's 10,678 cases took about a
 * second, most of the export.
 */
async function readLedgerBatch(actor: Actor, ids: readonly string[]): Promise<LedgerRow[]> {
  const records = await readRows<LedgerRecord>(Prisma.sql`
    SELECT a."id", a."caseNumber", a."receivedOn", a."channel"::text AS "channel",
           a."applicantType"::text AS "applicantType", a."applicantName", a."applicantIdNumber",
           a."applicantContact", a."requestContent", a."correctionRequestedOn", a."correctionReceivedOn",
           a."consultationSentOn", a."consultationAnsweredOn", a."extensionNotifiedOn", a."extensionWorkdays",
           a."feeMethod"::text AS "feeMethod", a."feeNoticeOn", a."feeAmount"::text AS "feeAmount", a."feePaidOn",
           a."closedOn", a."outcome"::text AS "outcome",
           COALESCE((
             SELECT json_agg(json_build_object(
                      'kind', p."kind", 'route', p."route", 'reconsiderationId', p."reconsiderationId",
                      'onlyCoDefendantAsReviewOrgan', p."onlyCoDefendantAsReviewOrgan",
                      'filedOn', p."filedOn", 'result', p."result", 'decidedOn', p."decidedOn")
                    ORDER BY p."filedOn", p."createdAt", p."id")
             FROM "Proceeding" p WHERE p."applicationId" = a."id"
           ), '[]'::json) AS "proceedings"
    FROM unnest(${ids}::text[]) WITH ORDINALITY AS selected("id", "position")
    JOIN "Application" a ON a."id" = selected."id"
    WHERE a."organizationId" = ${actor.organizationId}
    ORDER BY selected."position"`);
  return records.map((record) =>
    toLedgerRow({
      ...record,
      feeAmount: record.feeAmount === null ? null : new Prisma.Decimal(record.feeAmount),
      proceedings: record.proceedings.map((proceeding) => ({
        ...proceeding,
        filedOn: dbDateFromIso(proceeding.filedOn),
        decidedOn: proceeding.decidedOn === null ? null : dbDateFromIso(proceeding.decidedOn),
      })),
    }),
  );
}

/** Cases read per round trip while exporting: bounds the array of ids and the memory of one query. */
const EXPORT_BATCH_SIZE = 1000;

/** The export of the list's filters: how many cases, and their ledger rows batch by batch. */
export interface ApplicationsExport {
  total: number;
  /** The ledger rows in the list's order, EXPORT_BATCH_SIZE at a time (read when iterated). */
  batches(): AsyncGenerator<LedgerRow[]>;
}

/**
 * Every case matching the list's filters, in the list's order, as ledger rows (interfaces.md §1),
 * read batch by batch so that a large export never holds more than one batch of cases (the ids of the
 * matches are read first, in one statement, to fix the order and the count). `today` and `calendar`
 * are needed only for the due filters (即将到期 / 已逾期). Voided cases are never exported: the ledger
 * has no column to say so, and a re-import would count them.
 */
export async function openApplicationsExport({
  actor,
  query,
  today,
  calendar,
}: {
  actor: Actor;
  query: CaseListQuery;
  today?: IsoDate;
  calendar?: WorkCalendar;
}): Promise<ApplicationsExport> {
  const window = today && calendar ? dueWindow(today, calendar) : null;
  // Every match is read: from the index first when it can answer (searchFirstFrom).
  const exported = { ...query, voided: undefined };
  const from = searchesIndex(exported) ? searchFirstFrom(actor, exported) : Prisma.sql`"Application" a`;
  const where = caseListWhere(actor, exported, window, searchesIndex(exported) ? "from" : "scan");
  const idRows = await readRows<{ id: string }>(Prisma.sql`SELECT a."id" FROM ${from} WHERE ${where} ${caseListOrderBy(query.sort)}`, {
    prepared: false,
  });
  const ids = idRows.map((row) => row.id);
  async function* batches(): AsyncGenerator<LedgerRow[]> {
    for (let start = 0; start < ids.length; start += EXPORT_BATCH_SIZE) {
      yield await readLedgerBatch(actor, ids.slice(start, start + EXPORT_BATCH_SIZE));
    }
  }
  return { total: ids.length, batches };
}

/** Every case matching the list's filters as ledger rows, all at once (openApplicationsExport). */
export async function findApplicationsForExport(options: {
  actor: Actor;
  query: CaseListQuery;
  today?: IsoDate;
  calendar?: WorkCalendar;
}): Promise<LedgerRow[]> {
  const ledgerRows: LedgerRow[] = [];
  for await (const batch of (await openApplicationsExport(options)).batches()) ledgerRows.push(...batch);
  return ledgerRows;
}

export interface CaseHandlerOption {
  id: string;
  displayName: string;
  role: Role;
}

/** The organization's active users, for choosing or filtering by 经办人 (any role may list them). */
export async function findCaseHandlerOptions({ actor }: { actor: Actor }): Promise<CaseHandlerOption[]> {
  // On every case list (and a manager's case page): straight to the pool (readRows, ADR 0099).
  return readRows<CaseHandlerOption>(Prisma.sql`
    SELECT "id", "displayName", "role"::text AS "role" FROM "User"
    WHERE "organizationId" = ${actor.organizationId} AND "active" = true
    ORDER BY "displayName" ASC, "id" ASC`);
}
