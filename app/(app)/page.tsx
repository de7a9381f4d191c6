import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ROLE_LABELS } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "工作台" };

export default async function WorkbenchPage() {
  const actor = await requireActor();
  return (
    <div className="page">
      <PageHeader title="工作台" subtitle={`${actor.displayName}（${ROLE_LABELS[actor.role]}），您好`} />
      <div className="card">
        <h2>待办</h2>
        <p className="muted">案件登记与办理期限功能上线后，这里列出您即将到期和已逾期的案件、待发出的补正告知和缴费期限。</p>
      </div>
    </div>
  );
}
