import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { todayInShanghai } from "@/lib/today";
import { getReportWorkspace } from "@/lib/reports/publication";
import { getDataQuality } from "@/lib/reports/data-quality";
import { narrativeValues } from "@/lib/reports/narrative";
import { getCarryOverBasis } from "@/lib/reports/opening-balance";
import { ReportPage } from "@/components/reports/report-page";
import { parsePageParam } from "@/components/data-table/pagination";

export const metadata: Metadata = { title: "年度报告" };

export default async function ReportYearPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { year: yearParam } = await params;
  const { format: formatParam, quality, qualityPage } = await searchParams;
  const year = Number(yearParam);
  const format = formatParam === "2019" || formatParam === "2021" ? formatParam : undefined;
  let workspace;
  try {
    workspace = await getReportWorkspace({ actor, year, format });
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") notFound();
    throw error;
  }
  const [dataQuality, carryOverBasis] = await Promise.all([
    getDataQuality({
      actor,
      year: workspace.year,
      today: todayInShanghai(),
      requested: typeof quality === "string" ? { key: quality, page: parsePageParam(qualityPage) } : undefined,
    }),
    getCarryOverBasis({ actor, year: workspace.year }),
  ]);
  return (
    <ReportPage
      workspace={workspace}
      dataQuality={dataQuality}
      organizationName={actor.organizationName}
      canEdit={can(actor, "report:publish")}
      placeholderValues={narrativeValues(workspace.report)}
      carryOverBasis={carryOverBasis}
    />
  );
}
