// The administrators' audit page's state as it lives in the URL (architecture.md convention 9): who,
// which action, which dates, which page. Parsing never fails: a value that does not fit is dropped.
// Pure (client components build links with it too).
import { z } from "zod";
import { isoDateSchema } from "../calendar/schemas";
import type { IsoDate } from "../calendar/workdays";

export const AUDIT_LOG_PATH = "/settings/audit";
export const AUDIT_EXPORT_PATH = "/settings/audit/export";
export const AUDIT_LOG_PAGE_SIZE = 50;
/** An export larger than this is refused with a request to narrow the dates (a file must be complete). */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;

/** `system`: entries without a signed-in user (the command line, automatic recomputations…). */
export type AuditUserFilter = { userId: string } | "system";

export interface AuditLogQuery {
  page: number;
  user?: AuditUserFilter;
  /** An exact action ("report.publish") or a category with ".*" ("case_event.*"). */
  action?: string;
  /** Dates in Asia/Shanghai, both included. */
  from?: IsoDate;
  to?: IsoDate;
}

const USER_ID = /^[A-Za-z0-9_-]{1,40}$/;
const ACTION = /^[a-z_]+(\.[a-z_]+)*(\.\*)?$/;

const auditLogQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  user: z
    .string()
    .trim()
    .transform((value, context): AuditUserFilter => {
      if (value === "system") return value;
      if (USER_ID.test(value)) return { userId: value };
      context.addIssue({ code: "custom", message: "用户参数无效" });
      return z.NEVER;
    })
    .optional()
    .catch(undefined),
  action: z.string().trim().max(80).regex(ACTION).optional().catch(undefined),
  from: isoDateSchema.optional().catch(undefined),
  to: isoDateSchema.optional().catch(undefined),
});

export type AuditLogSearchParams = URLSearchParams | Record<string, string | string[] | undefined>;

function firstValue(searchParams: AuditLogSearchParams, key: string): string | undefined {
  const value = searchParams instanceof URLSearchParams ? searchParams.get(key) : searchParams[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === null || first === "" ? undefined : first;
}

export function parseAuditLogQuery(searchParams: AuditLogSearchParams): AuditLogQuery {
  const raw: Record<string, string> = {};
  for (const key of ["page", "user", "action", "from", "to"]) {
    const value = firstValue(searchParams, key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = auditLogQuerySchema.parse(raw);
  const query: AuditLogQuery = { page: parsed.page };
  if (parsed.user) query.user = parsed.user;
  if (parsed.action) query.action = parsed.action;
  // A range given backwards reads as meant.
  if (parsed.from && parsed.to && parsed.from > parsed.to) [parsed.from, parsed.to] = [parsed.to, parsed.from];
  if (parsed.from) query.from = parsed.from;
  if (parsed.to) query.to = parsed.to;
  return query;
}

/** The filters as URL parameters (shared by the page, its pager and its export). */
export function auditLogFilterParams(query: Partial<AuditLogQuery>): URLSearchParams {
  const params = new URLSearchParams();
  if (query.user) params.set("user", query.user === "system" ? "system" : query.user.userId);
  if (query.action) params.set("action", query.action);
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  return params;
}

function withSearch(path: string, params: URLSearchParams): string {
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export function auditLogHref(query: Partial<AuditLogQuery>): string {
  const params = auditLogFilterParams(query);
  if (query.page && query.page > 1) params.set("page", String(query.page));
  return withSearch(AUDIT_LOG_PATH, params);
}

export function auditExportHref(query: Partial<AuditLogQuery>, format: "csv" | "xlsx"): string {
  const params = auditLogFilterParams(query);
  params.set("format", format);
  return withSearch(AUDIT_EXPORT_PATH, params);
}

export function hasAuditLogFilters(query: AuditLogQuery): boolean {
  return auditLogFilterParams(query).size > 0;
}
