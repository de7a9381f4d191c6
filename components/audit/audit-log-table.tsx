// One page of the organization's audit, newest first: who, when, what, on which record, and the change
// in one line with its full before and after folded out.
import { Link } from "@/components/link";
import type { AuditLogEntry } from "@/lib/audit/queries";
import { summarizeAuditChanges } from "@/lib/audit/labels";
import { formatDateTime } from "@/lib/format";
import { AuditChanges } from "./audit-changes";
import styles from "./audit.module.css";

export function AuditLogTable({ entries, emptyMessage }: { entries: AuditLogEntry[]; emptyMessage: string }) {
  if (entries.length === 0) return <p className="muted">{emptyMessage}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="audit-table">
        <thead>
          <tr>
            <th>时间</th>
            <th>操作人</th>
            <th>操作</th>
            <th>对象</th>
            <th>修改内容</th>
            <th>理由</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const summary = summarizeAuditChanges(entry.changes);
            return (
              <tr key={entry.id} data-testid="audit-row" data-action={entry.action}>
                <td>{formatDateTime(entry.createdAt)}</td>
                <td>{entry.actorLabel}</td>
                <td>{entry.actionLabel}</td>
                <td>
                  {entry.applicationId && entry.caseNumber ? (
                    <Link href={`/cases/${entry.applicationId}?tab=audit`}>{entry.entityLabel}</Link>
                  ) : (
                    entry.entityLabel
                  )}
                </td>
                <td className={styles.summary}>
                  {entry.changes.length > 0 ? (
                    <details>
                      <summary>{summary.length > 80 ? `${summary.slice(0, 80)}…` : summary || "查看"}</summary>
                      <AuditChanges changes={entry.changes} />
                    </details>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{entry.reason ?? ""}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
