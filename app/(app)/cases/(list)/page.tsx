import type { Metadata } from "next";
import { Link } from "@/components/link";
import { cookies } from "next/headers";
import { PageSizeLink } from "@/components/cases/list/page-size-link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { loadWorkCalendar } from "@/lib/calendar/queries";
import { findApplications, findCaseHandlerOptions } from "@/lib/cases/queries";
import {
  CASE_LIST_PAGE_SIZE_COOKIE,
  CASE_LIST_PAGE_SIZES,
  rememberedPageSize,
  caseExportHref,
  caseListHref,
  caseListSearchParams,
  hasCaseListFilters,
  ignoredCaseListFilters,
  parseCaseListQuery,
  type CaseListDueFilter,
  type CaseListQuery,
  describeExtraCaseListFilters,
} from "@/lib/cases/list-schemas";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { CaseListFilters } from "@/components/cases/list/case-list-filters";
import { CaseColumnChooser } from "@/components/cases/list/case-column-chooser";
import { CaseListWithBatchActions } from "@/components/cases/list/case-batch-actions";
import { SavedCaseFilters } from "@/components/cases/list/saved-filters";
import { findSavedCaseFilters } from "@/lib/saved-filters/queries";
import styles from "@/components/cases/list/case-list.module.css";

export const metadata: Metadata = { title: "案件台账" };

const QUICK_DUE_FILTERS: { due: CaseListDueFilter; label: string }[] = [
  { due: "soon", label: "即将到期" },
  { due: "overdue", label: "已逾期" },
];

function QuickFilters({ query }: { query: CaseListQuery }) {
  return (
    <div className={styles.quickFilters} role="group" aria-label="快速筛选">
      <Link
        href={caseListHref({ ...query, voided: query.voided ? undefined : true, due: undefined, page: 1 })}
        className={`button small ${styles.quickFilter} ${query.voided ? styles.quickFilterActive : ""}`}
        aria-current={query.voided ? "true" : undefined}
        title={query.voided ? "返回未作废的案件" : "作废的案件不计入台账、统计和年度报告，在这里查看和恢复"}
        data-testid="case-quick-voided"
      >
        {query.voided ? "✓ 已作废" : "已作废"}
      </Link>
      {QUICK_DUE_FILTERS.map(({ due, label }) => {
        const active = query.due === due;
        return (
          <Link
            key={due}
            href={caseListHref({ ...query, due: active ? undefined : due, page: 1 })}
            className={`button small ${styles.quickFilter} ${active ? styles.quickFilterActive : ""}`}
            aria-current={active ? "true" : undefined}
            title={active ? `取消“${label}”筛选` : undefined}
            data-testid={`case-quick-${due}`}
          >
            {active ? `✓ ${label}` : label}
          </Link>
        );
      })}
    </div>
  );
}

function PageSizeLinks({ query }: { query: CaseListQuery }) {
  return (
    <div className={styles.pageSizes}>
      每页
      {CASE_LIST_PAGE_SIZES.map((pageSize) => (
        <PageSizeLink key={pageSize} href={caseListHref({ ...query, pageSize, page: 1 })} pageSize={pageSize} current={pageSize === query.pageSize}>
          {pageSize}
        </PageSizeLink>
      ))}
      条
    </div>
  );
}

export default async function CasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const params = await searchParams;
  const parsed = parseCaseListQuery(params);
  // No size in the address: the one this user chose last time (PageSizeLink remembers it).
  const remembered = params.pageSize === undefined ? rememberedPageSize((await cookies()).get(CASE_LIST_PAGE_SIZE_COOKIE)?.value) : null;
  const query: CaseListQuery = remembered ? { ...parsed, pageSize: remembered } : parsed;
  const today = todayInShanghai();
  const [calendar, handlers, savedFilters] = await Promise.all([loadWorkCalendar(), findCaseHandlerOptions({ actor }), findSavedCaseFilters({ actor })]);
  const result = await findApplications({ actor, query, today, calendar });
  const shownQuery: CaseListQuery = { ...query, page: result.page };
  const filtered = hasCaseListFilters(query);
  const ignoredFilters = ignoredCaseListFilters(params);

  return (
    <div className="page">
      <PageHeader
        title="案件台账"
        subtitle={`${actor.organizationName} · 今天 ${today}`}
        actions={
          <>
            {/* Voided cases are never exported (the ledger cannot mark them; a re-import would count them). */}
            {query.voided ? null : (
              <>
                <a className="button" href={caseExportHref(query, "xlsx")} download data-testid="case-export-xlsx">
                  导出 Excel
                </a>
                <a className="button" href={caseExportHref(query, "csv")} download data-testid="case-export-csv">
                  导出 CSV
                </a>
              </>
            )}
            {can(actor, "case:import") ? (
              <Link className="button" href="/cases/import" data-testid="case-import">
                导入台账
              </Link>
            ) : null}
            <Link className="button primary" href="/cases/new">
              登记申请
            </Link>
          </>
        }
      />
      <section className="card no-print" aria-label="筛选条件">
        {ignoredFilters.length > 0 ? (
          <p className="notice warning" role="status" data-testid="ignored-filters">
            地址中的筛选条件无效，未使用：{ignoredFilters.join("、")}。下面的列表不受这些条件限制。
          </p>
        ) : null}
        <CaseListFilters key={caseListHref(query)} query={query} handlers={handlers} />
        <SavedCaseFilters filters={savedFilters} currentQuery={caseListSearchParams({ ...query, page: 1 }).toString()} />
      </section>
      <section className="card" aria-label="案件列表">
        <div className={styles.toolbar}>
          <div className={styles.summary}>
            <span className={styles.count}>
              {query.voided ? "已作废的案件" : filtered ? "符合条件的案件" : "全部案件"} {result.totalIsLowerBound ? "超过 " : ""}
              <strong data-testid="case-count">{result.total}</strong> 件
            </span>
            <QuickFilters query={query} />
            {describeExtraCaseListFilters(query).map((description) => (
              <span key={description} className="badge info" data-testid="extra-filter">
                {description}
              </span>
            ))}
          </div>
          <div className={`${styles.tools} no-print`}>
            <PageSizeLinks query={query} />
            <CaseColumnChooser key={caseListHref(query)} query={query} />
          </div>
        </div>
        {/* Keyed by the address: another page, filter or order starts with nothing selected. */}
        <CaseListWithBatchActions
          key={caseListHref(shownQuery)}
          rows={result.rows}
          query={shownQuery}
          emptyMessage={query.voided ? "没有已作废的案件" : filtered ? "没有符合条件的案件" : "还没有登记案件"}
          // Only the batch reassignment reads the handlers: a clerk's page does not carry them a second time.
          handlers={can(actor, "case:assign") ? handlers.map(({ id, displayName }) => ({ id, displayName })) : []}
          canReassign={can(actor, "case:assign")}
          canClose={can(actor, "case:work")}
          today={today}
        />
        <DataTablePagination
          page={result.page}
          pageSize={result.pageSize}
          total={result.total}
          totalIsLowerBound={result.totalIsLowerBound}
          pageHref={(page) => caseListHref({ ...query, page })}
        />
      </section>
    </div>
  );
}
