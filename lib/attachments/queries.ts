// Reading the case file: a case's attachments (superseded ones too, marked), and one attachment's
// content for a user of its organization. A download is audited; another organization's attachment is
// "not found", never "forbidden", so that its existence is not revealed.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { ACCEPTED_TYPES } from "./definitions";
import { readStoredContent } from "./storage";

export async function findCaseAttachments({ actor, applicationId }: { actor: Actor; applicationId: string }) {
  const rows = await db.attachment.findMany({
    where: { organizationId: actor.organizationId, applicationId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      category: true,
      description: true,
      fileName: true,
      contentType: true,
      size: true,
      sha256: true,
      createdAt: true,
      supersededAt: true,
      supersededById: true,
      supersedeReason: true,
      uploadedBy: { select: { displayName: true } },
    },
  });
  return rows.map((row) => ({ ...row, uploadedBy: row.uploadedBy?.displayName ?? null }));
}

export type CaseAttachment = Awaited<ReturnType<typeof findCaseAttachments>>[number];

/** An attachment's content, checked against its hash; the download is recorded in the audit trail. */
export async function getAttachmentFile({ actor, attachmentId }: { actor: Actor; attachmentId: string }) {
  const attachment = await db.attachment.findFirst({ where: { id: attachmentId, organizationId: actor.organizationId } });
  if (!attachment) throw new AppError("NOT_FOUND", "未找到该附件");
  const content = await readStoredContent(attachment.storage, attachment.storageKey, attachment.sha256);
  await recordAudit(db, actor, {
    action: "attachment.download",
    entityType: "Attachment",
    entityId: attachment.id,
    after: { applicationId: attachment.applicationId, sha256: attachment.sha256 },
  });
  const extension = ACCEPTED_TYPES[attachment.contentType]?.extension;
  const fileName = extension && !attachment.fileName.toLowerCase().endsWith(`.${extension}`) ? `${attachment.fileName}.${extension}` : attachment.fileName;
  return { content, contentType: attachment.contentType, fileName, sha256: attachment.sha256 };
}
