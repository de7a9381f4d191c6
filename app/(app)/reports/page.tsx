import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "统计报表" };

export default async function Page() {
  await requireActor();
  return (
    <div className="page">
      <PageHeader title="统计报表" />
      <div className="notice info">政府信息公开工作年度报告的表格生成、核对与导出将在这里进行。该功能正在建设中。</div>
    </div>
  );
}
