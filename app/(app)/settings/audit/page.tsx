import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { findAuditFilterOptions, findAuditLog } from "@/lib/audit/queries";
import { auditExportHref, auditLogHref, hasAuditLogFilters, parseAuditLogQuery } from "@/lib/audit/list-schemas";
import { PageHeader } from "@/components/ui/page-header";
import { DataTablePagination } from "@/components/data-table/data-table-pagination";
import { AuditLogFilters } from "@/components/audit/audit-log-filters";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import styles from "@/components/audit/audit.module.css";

export const metadata: Metadata = { title: "操作记录" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const query = parseAuditLogQuery(await searchParams);
  const [log, options] = await Promise.all([findAuditLog({ actor, query }), findAuditFilterOptions({ actor })]);
  const filtered = hasAuditLogFilters(query);
  return (
    <div className="page">
      <PageHeader
        title="操作记录"
        subtitle={`${actor.organizationName} · 谁在何时修改了什么（只能追加，不能修改或删除）`}
        actions={
          <>
            <a className="button" href={auditExportHref(query, "xlsx")} download data-testid="audit-export-xlsx">
              导出 Excel
            </a>
            <a className="button" href={auditExportHref(query, "csv")} download data-testid="audit-export-csv">
              导出 CSV
            </a>
          </>
        }
      />
      <section className="card no-print">
        <AuditLogFilters key={auditLogHref(query)} query={query} options={options} />
      </section>
      <section className="card" aria-label="操作记录列表">
        <div className={styles.tools}>
          <span>
            {filtered ? "符合条件的记录" : "全部记录"} <strong data-testid="audit-count">{log.total}</strong> 条
          </span>
        </div>
        <AuditLogTable entries={log.entries} emptyMessage={filtered ? "没有符合条件的操作记录" : "还没有操作记录"} />
        <DataTablePagination page={log.page} pageSize={log.pageSize} total={log.total} pageHref={(page) => auditLogHref({ ...query, page })} />
      </section>
    </div>
  );
}
