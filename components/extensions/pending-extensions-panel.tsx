// 待批延期 on a manager's 工作台 (docs/decisions/0075): the organization's extension requests waiting for a
// decision, oldest first; each opens the case, where the manager approves or rejects it.
import { Link } from "@/components/link";
import type { ExtensionRequestView } from "@/lib/extensions/queries";
import { formatDateTime } from "@/lib/format";
import styles from "@/components/dashboard/dashboard.module.css";

export function PendingExtensionsPanel({ requests, currentUserId }: { requests: ExtensionRequestView[]; currentUserId: string }) {
  return (
    <section className="card" aria-labelledby="workbench-pending-extensions" data-testid="workbench-pending-extensions">
      <div className={styles.listTitle}>
        <h2 id="workbench-pending-extensions">待批延期</h2>
        <span className="muted">
          共 <strong>{requests.length}</strong> 件
        </span>
      </div>
      <p className={styles.listHint}>经办人申请延长答复期限，须在答复期限届满前批准（条例第三十三条）；打开案件批准或驳回</p>
      {requests.length === 0 ? (
        <p className={styles.empty}>没有待批准的延期申请</p>
      ) : (
        <div className="table-wrap">
          <table className={`table ${styles.lineTable}`}>
            <thead>
              <tr>
                <th scope="col">申请编号</th>
                <th scope="col">申请人</th>
                <th scope="col">申请延期</th>
                <th scope="col">答复期限</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <td>
                    <Link href={`/cases/${request.applicationId}`}>{request.caseNumber}</Link>
                  </td>
                  <td>{request.applicantName}</td>
                  <td>
                    {request.requestedByName} · {request.workdays} 个工作日 · {formatDateTime(request.requestedAt)}
                    {request.requestedById === currentUserId ? <span className="muted">（本人申请，须由其他负责人批准）</span> : null}
                  </td>
                  <td>{request.dueOn ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
