import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { findCaseHandlerOptions } from "@/lib/cases/queries";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { RegistrationForm } from "@/components/cases/registration/registration-form";

export const metadata: Metadata = { title: "登记申请" };

export default async function NewApplicationPage() {
  const actor = await requireActor();
  const everyone = await findCaseHandlerOptions({ actor });
  // A clerk registers cases for themselves; managers and administrators may choose the handler.
  const handlers = !can(actor, "case:assign") ? everyone.filter((handler) => handler.id === actor.userId) : everyone;
  return (
    <div className="page">
      <PageHeader
        title="登记申请"
        subtitle="登记后自动编号，并自收到申请之日起按 20 个工作日计算答复期限（条例第三十三条）"
      />
      <RegistrationForm today={todayInShanghai()} handlers={handlers} currentUserId={actor.userId} />
    </div>
  );
}
