import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "登记申请" };

export default async function Page() {
  await requireActor();
  return (
    <div className="page">
      <PageHeader title="登记申请" />
      <div className="notice info">申请登记表（申请人、申请方式、法定收到日期、申请内容）将在这里填写。该功能正在建设中。</div>
    </div>
  );
}
