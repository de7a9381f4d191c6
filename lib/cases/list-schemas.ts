// The case list's state as it lives in the URL (architecture.md convention 9): filters, search, sort,
// page and visible columns. Parsing never fails: a value that does not fit is dropped and its default
// used, so a hand-typed or outdated link shows a list instead of an error page. Pure (also imported by
// client components to build links).
import type { ApplicantType, ApplicationStatus, Channel, ClockPhase, Outcome } from "@prisma/client";
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import type { IsoDate } from "../calendar/workdays";
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, CLOCK_PHASE_LABELS, OUTCOME_LABELS } from "./labels";

export const CASE_LIST_PATH = "/cases";
export const CASE_EXPORT_PATH = "/cases/export";

export const CASE_LIST_SORT_COLUMNS = ["caseNumber", "receivedOn", "dueOn", "closedOn", "applicantName"] as const;
export type CaseListSortColumn = (typeof CASE_LIST_SORT_COLUMNS)[number];

export interface CaseListSort {
  id: CaseListSortColumn;
  desc: boolean;
}

export const DEFAULT_CASE_LIST_SORT: CaseListSort = { id: "receivedOn", desc: true };

export const CASE_LIST_PAGE_SIZES = [20, 50, 100] as const;
export type CaseListPageSize = (typeof CASE_LIST_PAGE_SIZES)[number];
export const DEFAULT_CASE_LIST_PAGE_SIZE: CaseListPageSize = 20;
/** The cookie that remembers the user's page size (read when the address names none). */
export const CASE_LIST_PAGE_SIZE_COOKIE = "gk-case-page-size";

/** The remembered page size, when the cookie holds one of the sizes offered. */
export function rememberedPageSize(value: string | undefined): CaseListPageSize | null {
  const size = Number(value);
  return (CASE_LIST_PAGE_SIZES as readonly number[]).includes(size) ? (size as CaseListPageSize) : null;
}

/** The list's columns in display order; 申请编号 is always shown (it carries the link to the case). */
export const CASE_LIST_COLUMNS = [
  "caseNumber",
  "receivedOn",
  "applicant",
  "channel",
  "requestContent",
  "phase",
  "dueOn",
  "closedOn",
  "outcome",
  "handler",
] as const;
export type CaseListColumn = (typeof CASE_LIST_COLUMNS)[number];
export const ALWAYS_VISIBLE_CASE_LIST_COLUMNS: readonly CaseListColumn[] = ["caseNumber"];

export const CASE_LIST_COLUMN_LABELS: Record<CaseListColumn, string> = {
  caseNumber: "申请编号",
  receivedOn: "收到日期",
  applicant: "申请人",
  channel: "申请方式",
  requestContent: "申请内容",
  phase: "状态",
  dueOn: "截止日期",
  closedOn: "办结日期",
  outcome: "办理结果",
  handler: "经办人",
};

export const CASE_LIST_DUE_FILTERS = ["soon", "overdue"] as const;
export type CaseListDueFilter = (typeof CASE_LIST_DUE_FILTERS)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, string> = { OPEN: "办理中", CLOSED: "已办结" };

/** `handler=me` (the signed-in user's cases), `handler=none` (unassigned) or a user id. */
export type CaseListHandlerFilter = "me" | "none" | { userId: string };

export const CASE_LIST_SEARCH_MAX_LENGTH = 100;

export interface CaseListQuery {
  page: number;
  pageSize: CaseListPageSize;
  sort: CaseListSort;
  q?: string;
  status?: ApplicationStatus;
  phase?: ClockPhase;
  applicantType?: ApplicantType;
  channel?: Channel;
  outcome?: Outcome;
  receivedFrom?: IsoDate;
  receivedTo?: IsoDate;
  closedFrom?: IsoDate;
  closedTo?: IsoDate;
  due?: CaseListDueFilter;
  handler?: CaseListHandlerFilter;
  /** A group of table 三 leaves: （三）不予公开, （四）无法提供, （五）不予处理, （六）其他处理. */
  outcomeGroup?: CaseListOutcomeGroup;
  /** Closed cases with a reply period, answered on or before (onTime) or after (late) the due date. */
  timeliness?: "onTime" | "late";
  /** Cases with a 复议 or 诉讼 (not only as co-defendant 复议机关) matching the result and filing dates. */
  proceeding?: "RECONSIDERATION" | "LITIGATION";
  proceedingResult?: "UPHELD" | "CORRECTED" | "OTHER" | "PENDING";
  proceedingFiledFrom?: IsoDate;
  proceedingFiledTo?: IsoDate;
  /** 已作废: only the voided cases (which every other list, count and export leaves out). */
  voided?: true;
  /** The visible columns, in display order; always includes the always-visible ones. */
  columns: CaseListColumn[];
}

export const CASE_LIST_OUTCOME_GROUPS = {
  WITHHELD: "（三）不予公开",
  UNAVAILABLE: "（四）无法提供",
  NOT_PROCESSED: "（五）不予处理",
  OTHER: "（六）其他处理",
} as const;
export type CaseListOutcomeGroup = keyof typeof CASE_LIST_OUTCOME_GROUPS;

export const DEFAULT_CASE_LIST_QUERY: CaseListQuery = {
  page: 1,
  pageSize: DEFAULT_CASE_LIST_PAGE_SIZE,
  sort: DEFAULT_CASE_LIST_SORT,
  columns: [...CASE_LIST_COLUMNS],
};

function keysOf<Key extends string>(labels: Record<Key, string>): [Key, ...Key[]] {
  return Object.keys(labels) as [Key, ...Key[]];
}

/** Drops the value (→ undefined) instead of failing, whatever went wrong. */
function optional<Schema extends z.ZodType>(schema: Schema) {
  return schema.optional().catch(undefined);
}

const MAX_PAGE = 1_000_000;
const USER_ID = /^[A-Za-z0-9_-]{1,40}$/;
const SORT_PARAM = new RegExp(`^(${CASE_LIST_SORT_COLUMNS.join("|")})\\.(asc|desc)$`);

const sortSchema = z
  .string()
  .transform((value, context): CaseListSort => {
    const match = SORT_PARAM.exec(value);
    if (!match) {
      context.addIssue({ code: "custom", message: "排序参数无效" });
      return z.NEVER;
    }
    return { id: match[1] as CaseListSortColumn, desc: match[2] === "desc" };
  })
  .catch(DEFAULT_CASE_LIST_SORT);

const handlerSchema = z
  .string()
  .trim()
  .transform((value, context): CaseListHandlerFilter => {
    if (value === "me" || value === "none") return value;
    if (USER_ID.test(value)) return { userId: value };
    context.addIssue({ code: "custom", message: "经办人参数无效" });
    return z.NEVER;
  });

const columnsSchema = z
  .string()
  .transform((value): CaseListColumn[] => {
    const requested = new Set(value.split(",").map((id) => id.trim()));
    const known = CASE_LIST_COLUMNS.filter((column) => requested.has(column));
    if (known.length === 0) return [...CASE_LIST_COLUMNS];
    return CASE_LIST_COLUMNS.filter((column) => known.includes(column) || ALWAYS_VISIBLE_CASE_LIST_COLUMNS.includes(column));
  })
  .catch([...CASE_LIST_COLUMNS]);

// Control characters cannot be typed into the search box; PostgreSQL rejects NUL in text outright.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

const searchSchema = z
  .string()
  .transform((value) => value.replace(CONTROL_CHARACTERS, " ").trim())
  .pipe(z.string().max(CASE_LIST_SEARCH_MAX_LENGTH))
  .transform((value) => (value === "" ? undefined : value));

/**
 * What a valid value of each filter is. The query below drops an invalid one (optional), so that an old
 * or hand-edited address still opens the list; ignoredCaseListFilters says which were dropped.
 */
const FILTER_SCHEMAS = {
  q: searchSchema,
  status: z.enum(keysOf(APPLICATION_STATUS_LABELS)),
  phase: z.enum(keysOf(CLOCK_PHASE_LABELS)),
  applicantType: z.enum(keysOf(APPLICANT_TYPE_LABELS)),
  channel: z.enum(keysOf(CHANNEL_LABELS)),
  outcome: z.enum(keysOf(OUTCOME_LABELS)),
  receivedFrom: isoDateSchema,
  receivedTo: isoDateSchema,
  closedFrom: isoDateSchema,
  closedTo: isoDateSchema,
  due: z.enum(CASE_LIST_DUE_FILTERS),
  handler: handlerSchema,
  outcomeGroup: z.enum(keysOf(CASE_LIST_OUTCOME_GROUPS)),
  timeliness: z.enum(["onTime", "late"]),
  proceeding: z.enum(["RECONSIDERATION", "LITIGATION"]),
  proceedingResult: z.enum(["UPHELD", "CORRECTED", "OTHER", "PENDING"]),
  proceedingFiledFrom: isoDateSchema,
  proceedingFiledTo: isoDateSchema,
  voided: z.literal("1").transform(() => true as const),
};

type FilterKey = keyof typeof FILTER_SCHEMAS;

/** Each filter as the filter form (or the report's and dashboard's links) names it. */
const FILTER_LABELS: Record<FilterKey, string> = {
  q: "搜索",
  status: "办理状态",
  phase: "办理阶段",
  applicantType: "申请人类型",
  channel: "申请方式",
  outcome: "办理结果",
  receivedFrom: "收到日期起",
  receivedTo: "收到日期止",
  closedFrom: "办结日期起",
  closedTo: "办结日期止",
  due: "期限",
  handler: "经办人",
  outcomeGroup: "办理结果类别",
  timeliness: "是否按期办结",
  proceeding: "复议或诉讼",
  proceedingResult: "复议或诉讼结果",
  proceedingFiledFrom: "复议或诉讼提起日期起",
  proceedingFiledTo: "复议或诉讼提起日期止",
  voided: "已作废",
};

function optionalEach<Schemas extends Record<string, z.ZodType>>(schemas: Schemas): { [Key in keyof Schemas]: ReturnType<typeof optional<Schemas[Key]>> } {
  return Object.fromEntries(Object.entries(schemas).map(([key, schema]) => [key, optional(schema)])) as {
    [Key in keyof Schemas]: ReturnType<typeof optional<Schemas[Key]>>;
  };
}

/** The case-list query as read from URL search parameters (each a single string; see parseCaseListQuery). */
export const caseListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1),
  pageSize: z.coerce.number().pipe(z.literal(CASE_LIST_PAGE_SIZES)).catch(DEFAULT_CASE_LIST_PAGE_SIZE),
  sort: sortSchema,
  ...optionalEach(FILTER_SCHEMAS),
  columns: columnsSchema,
});

export type CaseListSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

const QUERY_KEYS = Object.keys(caseListQuerySchema.shape) as (keyof CaseListQuery)[];

/**
 * Reads the case-list query from the page's `searchParams` or a request URL's parameters. A repeated
 * parameter counts once (its first value), except `columns`, whose repeats (one per ticked checkbox)
 * are joined. Empty values count as absent.
 */
export function parseCaseListQuery(searchParams: CaseListSearchParams): CaseListQuery {
  const raw: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const values = valuesOf(searchParams, key).filter((value) => value !== "");
    if (values.length === 0) continue;
    raw[key] = key === "columns" ? values.join(",") : (values[0] ?? "");
  }
  const query: CaseListQuery = caseListQuerySchema.parse(raw);
  for (const key of QUERY_KEYS) {
    if (query[key] === undefined) delete query[key];
  }
  return query;
}

/** How much of an ignored value the notice repeats. */
const IGNORED_VALUE_SHOWN = 20;

/**
 * The filters of the address that parseCaseListQuery dropped because their value is not one the list
 * knows (a date "2025-13-45", a status no case has, a search word too long), as the notice above the
 * list names them: 收到日期起“2025-13-45”. A clerk who typed or kept such an address sees that the list
 * is not filtered by it, instead of a list that silently shows more cases than asked for.
 */
export function ignoredCaseListFilters(searchParams: CaseListSearchParams): string[] {
  return (Object.keys(FILTER_SCHEMAS) as FilterKey[]).flatMap((key) => {
    const value = valuesOf(searchParams, key).find((candidate) => candidate !== "");
    if (value === undefined || FILTER_SCHEMAS[key].safeParse(value).success) return [];
    const shown = [...value].length > IGNORED_VALUE_SHOWN ? `${[...value].slice(0, IGNORED_VALUE_SHOWN).join("")}…` : value;
    return [`${FILTER_LABELS[key]}“${shown}”`];
  });
}

function valuesOf(searchParams: CaseListSearchParams, key: string): string[] {
  if (searchParams instanceof URLSearchParams) return searchParams.getAll(key);
  const value = searchParams[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function formatCaseListSort(sort: CaseListSort): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

function formatHandlerFilter(handler: CaseListHandlerFilter): string {
  return typeof handler === "string" ? handler : handler.userId;
}

function isDefaultColumns(columns: readonly CaseListColumn[]): boolean {
  return CASE_LIST_COLUMNS.every((column) => columns.includes(column));
}

/** The filters only (what selects the cases), as URL parameters: shared by the list, its export and its forms. */
export function caseListFilterParams(query: Partial<CaseListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  if (query.status) params.set("status", query.status);
  if (query.phase) params.set("phase", query.phase);
  if (query.applicantType) params.set("applicantType", query.applicantType);
  if (query.channel) params.set("channel", query.channel);
  if (query.outcome) params.set("outcome", query.outcome);
  if (query.receivedFrom) params.set("receivedFrom", query.receivedFrom);
  if (query.receivedTo) params.set("receivedTo", query.receivedTo);
  if (query.closedFrom) params.set("closedFrom", query.closedFrom);
  if (query.closedTo) params.set("closedTo", query.closedTo);
  if (query.due) params.set("due", query.due);
  if (query.handler) params.set("handler", formatHandlerFilter(query.handler));
  if (query.outcomeGroup) params.set("outcomeGroup", query.outcomeGroup);
  if (query.timeliness) params.set("timeliness", query.timeliness);
  if (query.proceeding) params.set("proceeding", query.proceeding);
  if (query.proceedingResult) params.set("proceedingResult", query.proceedingResult);
  if (query.proceedingFiledFrom) params.set("proceedingFiledFrom", query.proceedingFiledFrom);
  if (query.proceedingFiledTo) params.set("proceedingFiledTo", query.proceedingFiledTo);
  if (query.voided) params.set("voided", "1");
  return params;
}

/** Every parameter of the query that differs from the default, in a fixed order. */
export function caseListSearchParams(query: Partial<CaseListQuery>): URLSearchParams {
  const params = caseListFilterParams(query);
  if (query.sort && formatCaseListSort(query.sort) !== formatCaseListSort(DEFAULT_CASE_LIST_SORT)) {
    params.set("sort", formatCaseListSort(query.sort));
  }
  if (query.pageSize && query.pageSize !== DEFAULT_CASE_LIST_PAGE_SIZE) params.set("pageSize", String(query.pageSize));
  if (query.columns && !isDefaultColumns(query.columns)) params.set("columns", query.columns.join(","));
  if (query.page && query.page > 1) params.set("page", String(query.page));
  return params;
}

function withSearch(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/** The list's URL for a query, leaving out every default (`/cases` for the default list). */
export function caseListHref(query: Partial<CaseListQuery>): string {
  return withSearch(CASE_LIST_PATH, caseListSearchParams(query));
}

export type CaseExportFormat = "csv" | "xlsx";

/** The export download for the list's filters and order (every matching case, not just one page). */
export function caseExportHref(query: Partial<CaseListQuery>, format: CaseExportFormat): string {
  const params = caseListFilterParams(query);
  if (query.sort && formatCaseListSort(query.sort) !== formatCaseListSort(DEFAULT_CASE_LIST_SORT)) {
    params.set("sort", formatCaseListSort(query.sort));
  }
  params.set("format", format);
  return withSearch(CASE_EXPORT_PATH, params);
}

/** True when any filter or search narrows the list (for "clear filters" and empty-list messages). */
export function hasCaseListFilters(query: CaseListQuery): boolean {
  return caseListFilterParams(query).size > 0;
}

const PROCEEDING_RESULT_FILTER_LABELS = { UPHELD: "结果维持", CORRECTED: "结果纠正", OTHER: "其他结果", PENDING: "尚未审结" } as const;

/** The filters the filter form does not show (they come from dashboard links), described in Chinese. */
export function describeExtraCaseListFilters(query: CaseListQuery): string[] {
  const descriptions: string[] = [];
  if (query.outcomeGroup) descriptions.push(`办理结果属于${CASE_LIST_OUTCOME_GROUPS[query.outcomeGroup]}`);
  if (query.timeliness) descriptions.push(query.timeliness === "onTime" ? "按期办结" : "超期办结");
  if (query.proceeding || query.proceedingResult || query.proceedingFiledFrom || query.proceedingFiledTo) {
    const kind = query.proceeding === "RECONSIDERATION" ? "行政复议" : query.proceeding === "LITIGATION" ? "行政诉讼" : "复议或诉讼";
    const result = query.proceedingResult ? `，${PROCEEDING_RESULT_FILTER_LABELS[query.proceedingResult]}` : "";
    const range = query.proceedingFiledFrom || query.proceedingFiledTo ? `，提起于 ${query.proceedingFiledFrom ?? "…"} 至 ${query.proceedingFiledTo ?? "…"}` : "";
    descriptions.push(`有${kind}${result}${range}`);
  }
  return descriptions;
}

/** The parameters the case list knows: a saved filter (lib/saved-filters) may hold these only. */
export const CASE_LIST_QUERY_KEYS: readonly string[] = QUERY_KEYS;

/**
 * A list address's query string as a saved filter keeps it: read through the list's own parser and
 * written back canonically (defaults and the page left out), e.g. "status=OPEN&handler=me".
 */
export function canonicalCaseListQueryString(search: string): string {
  const params = caseListSearchParams({ ...parseCaseListQuery(new URLSearchParams(search)), page: 1 });
  return params.toString();
}
