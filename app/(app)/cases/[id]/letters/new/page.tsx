import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { isoDateFromDb } from "@/lib/calendar/dates";
import { getApplication } from "@/lib/cases/case-detail";
import { LETTER_KINDS, LETTER_KIND_LABELS } from "@/lib/letters/definitions";
import { getLetterSettings, recordedExtensionOf } from "@/lib/letters/queries";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { LetterForm } from "@/components/letters/letter-form";

export const metadata: Metadata = { title: "出具文书" };

export default async function NewLetterPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { kind } = await searchParams;
  const letterKind = LETTER_KINDS.find((candidate) => candidate === kind);
  if (!letterKind) notFound();
  const today = todayInShanghai();
  let detail;
  try {
    detail = await getApplication({ actor, applicationId: id, today });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const settings = await getLetterSettings({ actor });
  return (
    <div className="page">
      <PageHeader
        title={`出具${LETTER_KIND_LABELS[letterKind]}`}
        actions={
          <Link className="button small" href={`/cases/${id}`}>
            返回案件
          </Link>
        }
      />
      <div className="card">
        {settings ? (
          <LetterForm
            applicationId={id}
            caseVersion={detail.application.version}
            caseNumber={detail.application.caseNumber}
            kind={letterKind}
            today={today}
            receivedOn={isoDateFromDb(detail.application.receivedOn)}
            outcome={detail.projection.outcome}
            closedOn={detail.application.closedOn ? isoDateFromDb(detail.application.closedOn) : null}
            perApplicationAmount={detail.fee.perApplicationAmount}
            recordedExtension={letterKind === "EXTENSION_NOTICE" ? recordedExtensionOf(detail) : null}
          />
        ) : (
          <p className="notice warning">尚未填写文书设置，请管理员在“设置 → 文书设置”中填写机关全称、地址、电话、行政复议机关和人民法院。</p>
        )}
      </div>
    </div>
  );
}
