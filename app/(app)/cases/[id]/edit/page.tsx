import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getApplication } from "@/lib/cases/case-detail";
import { describePublishedReports } from "@/lib/cases/published-reports";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { RegistrationEditForm } from "@/components/cases/registration/registration-edit-form";

export const metadata: Metadata = { title: "修改登记信息" };

export default async function EditRegistrationPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const today = todayInShanghai();
  let detail;
  try {
    detail = await getApplication({ actor, applicationId: id, today });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { application } = detail;
  return (
    <div className="page">
      <PageHeader
        title={`修改登记信息 · 案件 ${application.caseNumber}`}
        subtitle="更正登记错误（如申请人类型、收到申请日期），须填写理由；修改前后的内容记入操作记录"
        actions={
          <Link className="button" href={`/cases/${application.id}`}>
            返回案件
          </Link>
        }
      />
      {application.voidedAt ? (
        <div className="notice error">该案件已作废，不能修改；如需继续办理，请由负责人先恢复该案件。</div>
      ) : (
        <RegistrationEditForm
          applicationId={application.id}
          caseNumber={application.caseNumber}
          version={application.version}
          today={today}
          publishedReports={detail.countedInReports.length > 0 ? describePublishedReports(detail.countedInReports) : null}
          registration={detail.registration}
        />
      )}
    </div>
  );
}
