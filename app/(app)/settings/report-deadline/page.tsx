import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getOwnOrganization } from "@/lib/organizations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { ReportDeadlineForm } from "@/components/rollup/report-deadline-form";

export const metadata: Metadata = { title: "年度报告发布期限" };

export default async function ReportDeadlineSettingsPage() {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const organization = await getOwnOrganization({ actor });
  return (
    <div className="page">
      <PageHeader
        title="年度报告发布期限"
        subtitle="上级机构的下级单位汇总按此判断本机构的年度报告是否按时发布"
      />
      <div className="card">
        <ReportDeadlineForm reportDeadline={organization.reportDeadline} />
      </div>
    </div>
  );
}
