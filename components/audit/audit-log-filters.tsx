// The audit page's filters: a plain GET form over the page's URL (works without JavaScript).
import { Link } from "@/components/link";
import type { AuditFilterOptions } from "@/lib/audit/queries";
import { AUDIT_LOG_PATH, type AuditLogQuery } from "@/lib/audit/list-schemas";
import styles from "./audit.module.css";

export function AuditLogFilters({ query, options }: { query: AuditLogQuery; options: AuditFilterOptions }) {
  const user = query.user === "system" ? "system" : (query.user?.userId ?? "");
  return (
    <form method="get" action={AUDIT_LOG_PATH} className={styles.filters} aria-label="筛选操作记录" data-testid="audit-filters">
      <div className="field">
        <label htmlFor="audit-filter-user">操作人</label>
        <select id="audit-filter-user" name="user" defaultValue={user}>
          <option value="">全部</option>
          {options.users.map((option) => (
            <option key={option.id} value={option.id}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-filter-action">操作</label>
        <select id="audit-filter-action" name="action" defaultValue={query.action ?? ""}>
          <option value="">全部</option>
          {options.actions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-filter-from">自</label>
        <input id="audit-filter-from" type="date" name="from" defaultValue={query.from ?? ""} />
      </div>
      <div className="field">
        <label htmlFor="audit-filter-to">至</label>
        <input id="audit-filter-to" type="date" name="to" defaultValue={query.to ?? ""} />
      </div>
      <div className="row">
        <button type="submit" className="button primary">
          筛选
        </button>
        <Link href={AUDIT_LOG_PATH} className="button">
          清除
        </Link>
      </div>
    </form>
  );
}
