// Reading the case file: a case's attachments (superseded ones too, marked), and one attachment's
// content for a user of its organization. A download is audited; another organization's attachment is
// "not found", never "forbidden", so that its existence is not revealed.
import "server-only";
import { Prisma } from "@prisma/client";
import { db, readRows } from "../db";
import { AppError } from "../errors";
import type { Actor } from "../auth/actor";
import { recordAudit } from "../audit/record";
import { ACCEPTED_TYPES } from "./definitions";
import { readStoredContent } from "./storage";

/** A case's attachments, newest first (the case page: straight to the pool, readRows, ADR 0099). */
export async function findCaseAttachments({ actor, applicationId }: { actor: Actor; applicationId: string }) {
  return readRows<{
    id: string;
    category: string;
    description: string | null;
    fileName: string;
    contentType: string;
    size: number;
    sha256: string;
    createdAt: Date;
    supersededAt: Date | null;
    supersededById: string | null;
    supersedeReason: string | null;
    uploadedBy: string | null;
  }>(Prisma.sql`
    SELECT a."id", a."category", a."description", a."fileName", a."contentType", a."size", a."sha256", a."createdAt",
           a."supersededAt", a."supersededById", a."supersedeReason", u."displayName" AS "uploadedBy"
    FROM "Attachment" a LEFT JOIN "User" u ON u."id" = a."uploadedById"
    WHERE a."organizationId" = ${actor.organizationId} AND a."applicationId" = ${applicationId}
    ORDER BY a."createdAt" DESC, a."id" DESC`);
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
