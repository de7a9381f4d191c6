import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { getApplication } from "@/lib/cases/case-detail";
import { findCaseHandlerOptions } from "@/lib/cases/queries";
import { todayInShanghai } from "@/lib/today";
import { findCaseAttachments } from "@/lib/attachments/queries";
import { attachmentMaxBytes } from "@/lib/attachments/mutations";
import { findCaseLetters, getLetterSettings } from "@/lib/letters/queries";
import { CasePage } from "@/components/cases/detail/case-page";
import { findCaseAuditLog } from "@/lib/audit/queries";
import { CaseAuditLog } from "@/components/audit/case-audit-log";
import { CaseLetters } from "@/components/letters/case-letters";
import { findCaseExtensionRequests } from "@/lib/extensions/queries";
import { CaseAttachments } from "@/components/attachments/case-attachments";

export const metadata: Metadata = { title: "案件" };

export default async function CaseDetailPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { registered, updated } = await searchParams;
  const today = todayInShanghai();
  let detail;
  try {
    detail = await getApplication({ actor, applicationId: id, today });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const canReassign = can(actor, "case:assign");
  const [handlers, letters, letterSettings, attachments, extensionRequests] = await Promise.all([
    canReassign ? findCaseHandlerOptions({ actor }) : [],
    findCaseLetters({ actor, applicationId: id }),
    getLetterSettings({ actor }),
    findCaseAttachments({ actor, applicationId: id }),
    findCaseExtensionRequests({ actor, applicationId: id }),
  ]);
  const documents = (
    <>
      <section className="card" aria-labelledby="letters-heading">
        <h2 id="letters-heading">文书</h2>
        <CaseLetters applicationId={id} letters={letters} letterheadReady={letterSettings !== null} />
      </section>
      <section className="card" aria-labelledby="attachments-heading">
        <h2 id="attachments-heading">案卷材料</h2>
        <CaseAttachments applicationId={id} attachments={attachments} maxMegabytes={attachmentMaxBytes() / 1024 / 1024} />
      </section>
    </>
  );
  const auditLog = <CaseAuditLog entries={await findCaseAuditLog({ actor, applicationId: id })} />;
  return (
    <CasePage
      detail={detail}
      today={today}
      handlers={handlers}
      canReassign={canReassign}
      canVoid={canReassign}
      justRegistered={registered === "1"}
      justUpdated={updated === "1"}
      auditLog={auditLog}
      documents={documents}
      extension={{
        requests: extensionRequests,
        canApprove: can(actor, "extension:approve"),
        currentUserId: actor.userId,
        currentUserName: actor.displayName,
      }}
    />
  );
}
