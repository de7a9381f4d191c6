// Which published annual reports count a case: a published version (ReportSnapshot) lists, per cell of
// its tables, the ids of the cases (and for table 四 the proceedings) behind the figure. A change to a
// counted case leaves the frozen version as it is; the report page shows the difference with today.
import "server-only";
import { Prisma } from "@prisma/client";
import { db, readRows, type Transaction } from "../db";

export interface PublishedReportRef {
  year: number;
  /** The latest published version of that year that counts the case. */
  version: number;
}

/**
 * The published reports of the organization whose cells list any of `ids`, by year (latest version).
 * `client` is the caller's transaction (a change that warns about the published figures it touches), or
 * `db` outside one: the case page asks on every visit, straight to the pool then (readRows, prepared:
 * the plan is the organization's few snapshots whatever the ids; ADR 0099).
 */
export async function findPublishedReportsCounting(
  client: Transaction | typeof db,
  organizationId: string,
  ids: readonly string[],
): Promise<PublishedReportRef[]> {
  if (ids.length === 0) return [];
  const query = Prisma.sql`
    SELECT s."year" AS "year", max(s."version")::int AS "version"
    FROM "ReportSnapshot" s
    WHERE s."organizationId" = ${organizationId}
      AND EXISTS (
        SELECT 1 FROM jsonb_each(CASE WHEN jsonb_typeof(s."report"->'cells') = 'object' THEN s."report"->'cells' ELSE '{}'::jsonb END) AS cell
        WHERE jsonb_typeof(cell.value) = 'array' AND jsonb_exists_any(cell.value, CAST(${[...ids]} AS text[]))
      )
    GROUP BY s."year"
    ORDER BY s."year"`;
  return client === db ? readRows<PublishedReportRef>(query) : client.$queryRaw<PublishedReportRef[]>(query);
}

/** "2025 年度报告（第 1 版）、2026 年度报告（第 2 版）" */
export function describePublishedReports(reports: readonly PublishedReportRef[]): string {
  return reports.map((report) => `${report.year} 年度报告（第 ${report.version} 版）`).join("、");
}
