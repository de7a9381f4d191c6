// One audit entry's before and after as a table of 项目 · 修改前 · 修改后; changed rows first and marked,
// unchanged ones (recorded for completeness) folded away.
import type { AuditChange } from "@/lib/audit/labels";
import styles from "./audit.module.css";

function ChangeRows({ changes, twoSided }: { changes: AuditChange[]; twoSided: boolean }) {
  return (
    <>
      {changes.map((change) => (
        <tr key={change.path} className={twoSided && change.changed ? styles.changed : undefined} data-testid={`change-${change.path}`}>
          <td>{change.label}</td>
          {twoSided ? <td>{change.before ?? "—"}</td> : null}
          <td>{(twoSided ? change.after : (change.after ?? change.before)) ?? "—"}</td>
        </tr>
      ))}
    </>
  );
}

export function AuditChanges({ changes }: { changes: AuditChange[] }) {
  if (changes.length === 0) return null;
  // A creation has no before, a removal no after: one column of values then.
  const twoSided = changes.some((change) => change.before !== null) && changes.some((change) => change.after !== null);
  const heading = changes.every((change) => change.before === null) ? "内容" : changes.every((change) => change.after === null) ? "删除前" : "修改后";
  const changed = twoSided ? changes.filter((change) => change.changed) : changes;
  const unchanged = twoSided ? changes.filter((change) => !change.changed) : [];
  return (
    <table className={styles.changes} data-testid="audit-changes">
      <thead>
        <tr>
          <th>项目</th>
          {twoSided ? <th>修改前</th> : null}
          <th>{heading}</th>
        </tr>
      </thead>
      <tbody>
        <ChangeRows changes={changed} twoSided={twoSided} />
      </tbody>
      {unchanged.length > 0 ? (
        <tbody>
          <tr>
            <td colSpan={3}>
              <details>
                <summary className={styles.unchangedToggle}>未变动的 {unchanged.length} 项</summary>
                <table className={styles.changes}>
                  <tbody>
                    <ChangeRows changes={unchanged} twoSided={twoSided} />
                  </tbody>
                </table>
              </details>
            </td>
          </tr>
        </tbody>
      ) : null}
    </table>
  );
}
