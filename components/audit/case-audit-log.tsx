// The case's 操作记录: every change of the case, its steps and its proceedings, oldest first, each with
// who, when, why and its before and after in Chinese.
import type { AuditLogEntry } from "@/lib/audit/queries";
import { formatDateTime } from "@/lib/format";
import { AuditChanges } from "./audit-changes";
import styles from "./audit.module.css";

export function CaseAuditLog({ entries }: { entries: AuditLogEntry[] }) {
  if (entries.length === 0) return <p className="muted">还没有操作记录。</p>;
  return (
    <ol className={styles.log} data-testid="case-audit-log">
      {entries.map((entry) => (
        <li key={entry.id} className={styles.entry} data-testid="audit-entry" data-action={entry.action}>
          <div className={styles.entryHead}>
            <span className={styles.entryAction}>{entry.actionLabel}</span>
            <span className={styles.entryMeta}>
              {formatDateTime(entry.createdAt)} · {entry.actorLabel}
              {entry.entityLabel.startsWith("案件") ? "" : ` · ${entry.entityLabel}`}
            </span>
          </div>
          {entry.reason ? <p className={styles.reason}>理由：{entry.reason}</p> : null}
          <AuditChanges changes={entry.changes} />
        </li>
      ))}
    </ol>
  );
}
