"use client";

import { useRouter } from "next/navigation";
import { useRef, useState, useTransition, type FormEvent } from "react";
import type { CaseAttachment } from "@/lib/attachments/queries";
import { ACCEPTED_TYPES, ACCEPTED_TYPES_TEXT, ATTACHMENT_CATEGORIES, ATTACHMENT_CATEGORY_KEYS, type AttachmentCategory } from "@/lib/attachments/definitions";
import { formatDateTime } from "@/lib/format";
import type { ActionResult } from "@/lib/errors";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function categoryLabel(category: string): string {
  return ATTACHMENT_CATEGORIES[category as AttachmentCategory] ?? category;
}

/** The case page's 案卷 section: the attachments (replaced ones struck through) and the upload form. */
export function CaseAttachments({ applicationId, attachments, maxMegabytes }: { applicationId: string; attachments: CaseAttachment[]; maxMegabytes: number }) {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [replacing, setReplacing] = useState<CaseAttachment | null>(null);
  const [result, setResult] = useState<ActionResult | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (file instanceof File && file.size > maxMegabytes * 1024 * 1024) {
      setResult({ ok: false, message: `文件超过 ${maxMegabytes} MB 的上限` });
      return;
    }
    startTransition(async () => {
      try {
        const response = await fetch(`/cases/${applicationId}/attachments`, { method: "POST", body: form });
        const body = (await response.json()) as { message?: string };
        setResult({ ok: response.ok, message: body.message ?? (response.ok ? "已加入案卷" : "上传失败") });
        if (response.ok) {
          formRef.current?.reset();
          setReplacing(null);
          router.refresh();
        }
      } catch {
        setResult({ ok: false, message: "无法连接服务器，请稍后重试" });
      }
    });
  }

  const current = attachments.filter((attachment) => !attachment.supersededAt);
  return (
    <div className="stack" data-testid="case-attachments">
      {attachments.length === 0 ? (
        <p className="muted">案卷中还没有材料。</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>类别</th>
              <th>文件</th>
              <th>上传</th>
              <th>SHA-256</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {attachments.map((attachment) => (
              <tr key={attachment.id} data-testid={`attachment-${attachment.fileName}`} className={attachment.supersededAt ? "muted" : undefined}>
                <td className="nowrap">{categoryLabel(attachment.category)}</td>
                <td>
                  <a href={`/cases/${applicationId}/attachments/${attachment.id}`} style={attachment.supersededAt ? { textDecoration: "line-through" } : undefined}>
                    {attachment.fileName}
                  </a>{" "}
                  <span className="muted">
                    {ACCEPTED_TYPES[attachment.contentType]?.label ?? attachment.contentType} · {formatSize(attachment.size)}
                  </span>
                  {attachment.description ? <div className="muted">{attachment.description}</div> : null}
                  {attachment.supersededAt ? (
                    <div className="muted">
                      已于 {formatDateTime(attachment.supersededAt)} 被替换{attachment.supersedeReason ? `：${attachment.supersedeReason}` : ""}
                    </div>
                  ) : null}
                </td>
                <td className="nowrap muted">
                  {attachment.uploadedBy ?? ""} {formatDateTime(attachment.createdAt)}
                </td>
                <td>
                  <code title={attachment.sha256}>{attachment.sha256.slice(0, 12)}…</code>
                </td>
                <td>
                  {attachment.supersededAt ? null : (
                    <button type="button" className="button small" onClick={() => setReplacing(attachment)}>
                      替换
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form ref={formRef} className="form" onSubmit={onSubmit} data-testid="attachment-form">
        {replacing ? (
          <div className="notice info">
            替换“{replacing.fileName}”：原文件保留在案卷中并标明已被替换。{" "}
            <button type="button" className="button link" onClick={() => setReplacing(null)}>
              取消替换
            </button>
            <input type="hidden" name="supersedesId" value={replacing.id} />
          </div>
        ) : null}
        <div className="row">
          <div className="field">
            <label htmlFor="attachment-category">材料类别</label>
            <select id="attachment-category" name="category" defaultValue={replacing?.category ?? "APPLICATION"} key={replacing?.id ?? "new"}>
              {ATTACHMENT_CATEGORY_KEYS.map((key) => (
                <option key={key} value={key}>
                  {ATTACHMENT_CATEGORIES[key]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="attachment-file">文件</label>
            <input id="attachment-file" name="file" type="file" required />
          </div>
        </div>
        <div className="field">
          <label htmlFor="attachment-description">说明</label>
          <input id="attachment-description" name="description" placeholder="如：申请人身份证复印件、EMS 回执 1187…" />
        </div>
        {replacing ? (
          <div className="field">
            <label htmlFor="attachment-reason">替换理由</label>
            <input id="attachment-reason" name="supersedeReason" required />
          </div>
        ) : null}
        <span className="hint">
          可上传 {ACCEPTED_TYPES_TEXT}，不超过 {maxMegabytes} MB；文件类型按内容识别。案卷材料不能删除，只能替换。
          {current.length > 0 ? ` 现有 ${current.length} 份。` : ""}
        </span>
        <ActionNotice result={result} />
        <div>
          <SubmitButton pending={pending} pendingText="上传中…">
            {replacing ? "上传替换件" : "加入案卷"}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}
