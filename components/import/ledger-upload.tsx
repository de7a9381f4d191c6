"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { LedgerIssue } from "@/lib/cases/ledger-import";

type Phase = { step: "idle" } | { step: "uploading"; percent: number; purpose: "check" | "import" } | { step: "working"; purpose: "check" | "import" };

interface CheckResponse {
  ok: boolean;
  message?: string;
  caseCount?: number;
  errors?: LedgerIssue[];
  warnings?: LedgerIssue[];
}

interface ImportResponse {
  ok: boolean;
  message?: string;
  uploadId?: string;
  importedCount?: number;
  errors?: LedgerIssue[];
  warnings?: LedgerIssue[];
}

/** Posts the file with XMLHttpRequest, whose upload events drive the progress bar (fetch has none). */
function post<T>(url: string, file: File, onProgress: (percent: number) => void, onUploaded: () => void): Promise<{ status: number; body: T }> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.upload.onload = onUploaded;
    request.onload = () => resolve({ status: request.status, body: (request.response ?? { ok: false, message: "服务器没有返回结果" }) as T });
    request.onerror = () => reject(new Error("network"));
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

function IssueTable({ issues, testId }: { issues: LedgerIssue[]; testId: string }) {
  return (
    <div className="table-wrap">
      <table className="table" data-testid={testId}>
        <thead>
          <tr>
            <th className="number">行</th>
            <th>列</th>
            <th>问题</th>
          </tr>
        </thead>
        <tbody>
          {issues.map((issue, index) => (
            <tr key={`${issue.row}-${issue.column}-${index}`}>
              <td className="number">{issue.row ?? "—"}</td>
              <td>{issue.column ?? "（整行）"}</td>
              <td>{issue.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LedgerUpload() {
  const router = useRouter();
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [checked, setChecked] = useState<CheckResponse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const busy = phase.step !== "idle";

  async function send<T>(url: string, purpose: "check" | "import"): Promise<{ status: number; body: T } | null> {
    if (!file) return null;
    setMessage(null);
    setPhase({ step: "uploading", percent: 0, purpose });
    try {
      return await post<T>(
        url,
        file,
        (percent) => setPhase({ step: "uploading", percent, purpose }),
        () => setPhase({ step: "working", purpose }),
      );
    } catch {
      setMessage("无法连接服务器，请稍后重试");
      return null;
    } finally {
      setPhase({ step: "idle" });
    }
  }

  async function check() {
    setChecked(null);
    const response = await send<CheckResponse>("/cases/import/check", "check");
    if (!response) return;
    if (response.body.errors || response.body.ok) setChecked(response.body);
    else setMessage(response.body.message ?? "检查失败");
  }

  async function runImport() {
    const response = await send<ImportResponse>("/cases/import/run", "import");
    if (!response) return;
    const { body } = response;
    if (body.ok && body.uploadId) {
      router.push(`/cases/import/${body.uploadId}`);
      return;
    }
    // Another registration or import took a number meanwhile: show the problems again, nothing was written.
    if (body.errors) setChecked({ ok: false, errors: body.errors, warnings: body.warnings ?? [] });
    setMessage(body.message ?? "未导入任何申请");
  }

  const errors = checked?.errors ?? [];
  const warnings = checked?.warnings ?? [];
  return (
    <div className="stack" data-testid="ledger-upload">
      <div className="field">
        <label htmlFor="ledger-file">台账文件（CSV 或 XLSX）</label>
        <input
          id="ledger-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={busy}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setChecked(null);
            setMessage(null);
          }}
        />
        <span className="hint">第一行为列名（申请编号、收到申请日期、申请方式……，见“导出台账”的文件）。先检查，全部无误后才能导入；导入要么全部成功，要么一件也不写入。</span>
      </div>
      <div className="row">
        <button type="button" className="button primary" disabled={!file || busy} onClick={check}>
          检查文件
        </button>
        {checked?.ok ? (
          <button type="button" className="button primary" disabled={busy} onClick={runImport} data-testid="import-button">
            导入全部 {checked.caseCount} 件
          </button>
        ) : null}
      </div>
      {phase.step !== "idle" ? (
        <div className="stack" role="status" aria-live="polite">
          <progress max={100} value={phase.step === "uploading" ? phase.percent : undefined} style={{ width: "100%" }} data-testid="upload-progress" />
          <span className="muted">
            {phase.step === "uploading"
              ? `正在上传 ${phase.percent}%`
              : phase.purpose === "check"
                ? "正在逐行检查，尚未写入任何数据…"
                : "正在导入，请勿关闭页面…"}
          </span>
        </div>
      ) : null}
      {message ? (
        <div className="notice error" role="alert">
          {message}
        </div>
      ) : null}
      {checked && errors.length > 0 ? (
        <section className="stack">
          <div className="notice error" role="alert" data-testid="check-failed">
            发现 {errors.length} 处问题，未导入任何申请。请在表格中改正后重新选择文件检查。
          </div>
          <IssueTable issues={errors} testId="ledger-errors" />
        </section>
      ) : null}
      {checked?.ok ? (
        <div className="notice success" role="status" data-testid="check-passed">
          检查通过：共 {checked.caseCount} 件申请，可以导入。
        </div>
      ) : null}
      {checked && warnings.length > 0 ? (
        <section className="stack">
          <h2>提示（{warnings.length} 条，不影响导入）</h2>
          <IssueTable issues={warnings} testId="ledger-warnings" />
        </section>
      ) : null}
    </div>
  );
}
