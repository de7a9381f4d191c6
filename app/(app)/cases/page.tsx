import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "案件台账" };

export default async function Page() {
  await requireActor();
  return (
    <div className="page">
      <PageHeader title="案件台账" />
      <div className="notice info">依申请公开案件的登记、筛选与导出将在这里进行。该功能正在建设中。</div>
    </div>
  );
}
