import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { LedgerUpload } from "@/components/import/ledger-upload";

export const metadata: Metadata = { title: "导入台账" };

export default async function LedgerImportPage() {
  await requireActor({ roles: ["MANAGER", "ADMIN"] });
  return (
    <div className="page">
      <PageHeader
        title="导入台账"
        subtitle="把本机关已有的依申请公开台账（CSV 或 XLSX）导入系统"
        actions={
          <>
            <Link className="button small" href="/help#ledger">
              台账文件的列
            </Link>
            <Link className="button small" href="/cases">
              返回案件台账
            </Link>
          </>
        }
      />
      <section className="card">
        <LedgerUpload />
      </section>
    </div>
  );
}
