import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { formatLedgerIssue } from "@/lib/cases/ledger-import";
import { getLedgerUpload } from "@/lib/cases/ledger-upload";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "导入结果" };

export default async function LedgerUploadResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ uploadId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ roles: ["MANAGER", "ADMIN"] });
  const { uploadId } = await params;
  const { page } = await searchParams;
  let upload;
  try {
    upload = await getLedgerUpload({ actor, uploadId, page: Number(page) || 1 });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="page">
      <PageHeader
        title="导入结果"
        subtitle={`${upload.fileName} · ${upload.uploadedBy ?? ""} · ${formatDateTime(upload.createdAt)}`}
        actions={
          <>
            <Link className="button small" href="/cases/import">
              继续导入
            </Link>
            <Link className="button small" href="/cases">
              案件台账
            </Link>
          </>
        }
      />
      <div className="notice success" role="status" data-testid="import-result">
        已导入 {upload.importedCount} 件申请。
      </div>
      {upload.warnings.length > 0 ? (
        <section className="card">
          <h2>提示（{upload.warnings.length} 条）</h2>
          <ul>
            {upload.warnings.map((warning, index) => (
              <li key={index}>{formatLedgerIssue(warning)}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card">
        <h2>导入的案件</h2>
        <table className="table" data-testid="imported-cases">
          <thead>
            <tr>
              <th>案件编号</th>
              <th>申请人</th>
              <th>收到申请日期</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {upload.cases.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link href={`/cases/${row.id}`}>{row.caseNumber}</Link>
                </td>
                <td>{row.applicantName}</td>
                <td>{row.receivedOn}</td>
                <td>{row.status === "CLOSED" ? `已办结 ${row.closedOn ?? ""}` : "办理中"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {upload.pageCount > 1 ? (
          <div className="row">
            {upload.page > 1 ? <Link href={`/cases/import/${upload.id}?page=${upload.page - 1}`}>上一页</Link> : null}
            <span className="muted">
              第 {upload.page} / {upload.pageCount} 页
            </span>
            {upload.page < upload.pageCount ? <Link href={`/cases/import/${upload.id}?page=${upload.page + 1}`}>下一页</Link> : null}
          </div>
        ) : null}
      </section>
    </div>
  );
}
