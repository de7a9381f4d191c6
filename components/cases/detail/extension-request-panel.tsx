"use client";

// The case's extension request (docs/decisions/0075): while it waits, who asked for how many working
// days and why, "待负责人批准"; a manager other than the requester approves or rejects it here, the
// requester may withdraw it. The last rejection stays visible to the handler.
import { useState, useTransition } from "react";
import { approveExtensionRequestAction, rejectExtensionRequestAction, withdrawExtensionRequestAction } from "@/lib/extensions/actions";
import type { ExtensionRequestView } from "@/lib/extensions/queries";
import type { ActionResult } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";

export function ExtensionRequestPanel({
  applicationId,
  requests,
  currentUserId,
  canDecide,
}: {
  applicationId: string;
  /** The case's requests, newest first. */
  requests: ExtensionRequestView[];
  currentUserId: string;
  /** The actor may approve extensions (a manager or administrator). */
  canDecide: boolean;
}) {
  const [result, setResult] = useState<ActionResult | null>(null);
  // The decision being confirmed: 批准 takes a second click, as 驳回 does (it moves the due date and is
  // recorded in the case's steps); opening one closes the other.
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const toggle = (decision: "approve" | "reject") => setDeciding((current) => (current === decision ? null : decision));
  const [note, setNote] = useState("");
  const [pending, startTransition] = useTransition();
  const latest = requests[0];
  if (!latest) return result ? <ActionNotice result={result} /> : null;

  const run = (action: () => Promise<ActionResult>) =>
    startTransition(async () => {
      const outcome = await callAction(action());
      setResult(outcome);
      if (outcome.ok) setDeciding(null);
    });

  if (latest.status === "REJECTED") {
    return (
      <div className="notice warning" data-testid="extension-request-rejected">
        延期申请（{latest.workdays} 个工作日）已于 {latest.decidedAt ? formatDateTime(latest.decidedAt) : ""} 被 {latest.decidedByName} 驳回，理由：{latest.decisionNote}
        <ActionNotice result={result} />
      </div>
    );
  }
  if (latest.status !== "PENDING") return <ActionNotice result={result} />;

  const own = latest.requestedById === currentUserId;
  return (
    <div className="notice warning stack" data-testid="extension-request-pending" style={{ marginBottom: 12 }}>
      <div>
        <strong>延期申请 · 待负责人批准</strong>：{latest.requestedByName} 于 {formatDateTime(latest.requestedAt)} 申请延长答复期限 {latest.workdays} 个工作日。
        理由：{latest.reason}
      </div>
      <div className="muted">批准前答复期限不变（{latest.dueOn ?? "—"}）；须在答复期限届满前批准并告知申请人（条例第三十三条）。</div>
      <ActionNotice result={result} />
      {canDecide && !own ? (
        <div className="stack">
          <div className="row">
            <button
              type="button"
              className="button primary"
              disabled={pending}
              onClick={() => toggle("approve")}
              aria-expanded={deciding === "approve"}
            >
              批准延期
            </button>
            <button
              type="button"
              className="button"
              disabled={pending}
              onClick={() => toggle("reject")}
              aria-expanded={deciding === "reject"}
            >
              驳回
            </button>
          </div>
          {deciding === "approve" ? (
            <div className="stack" data-testid="extension-approve-confirm">
              <div>
                批准后登记“延期答复”步骤（告知申请人日期记为今天），答复期限在 {latest.dueOn ?? "—"} 的基础上延长 {latest.workdays} 个工作日。请当日向申请人发出延期答复告知书。
              </div>
              <div className="row">
                <button
                  type="button"
                  className="button primary"
                  disabled={pending}
                  onClick={() => run(() => approveExtensionRequestAction(applicationId, latest.id, latest.version))}
                >
                  确认批准
                </button>
                <button type="button" className="button" disabled={pending} onClick={() => setDeciding(null)}>
                  取消
                </button>
              </div>
            </div>
          ) : null}
          {deciding === "reject" ? (
            <div className="field">
              <label htmlFor="extension-reject-note">驳回理由</label>
              <textarea
                id="extension-reject-note"
                rows={2}
                value={note}
                maxLength={500}
                onChange={(event) => setNote(event.target.value)}
                aria-invalid={fieldError(result, "note") ? true : undefined}
                aria-describedby={fieldError(result, "note") ? "extension-reject-note-error" : undefined}
              />
              {fieldError(result, "note") ? (
                <span id="extension-reject-note-error" className="error">
                  {fieldError(result, "note")}
                </span>
              ) : null}
              <div>
                <button
                  type="button"
                  className="button"
                  disabled={pending}
                  onClick={() => run(() => rejectExtensionRequestAction(applicationId, latest.id, latest.version, note))}
                >
                  确认驳回
                </button>
              </div>
            </div>
          ) : null}
        </div>
      ) : null}
      {canDecide && own ? <div className="muted">本人提出的申请须由本单位其他负责人批准。</div> : null}
      {own ? (
        <div>
          <button
            type="button"
            className="button small"
            disabled={pending}
            onClick={() => run(() => withdrawExtensionRequestAction(applicationId, latest.id, latest.version))}
          >
            撤回申请
          </button>
        </div>
      ) : null}
    </div>
  );
}
