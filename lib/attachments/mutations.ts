// Adding to the case file. The content is checked first — its size, and its type from its own bytes
// (lib/attachments/content.ts) — then stored under its SHA-256 (lib/attachments/storage.ts), then the
// row and the audit event are written in one transaction. Nothing is ever deleted: a replacement
// supersedes the attachment it replaces, with a reason, and both stay in the case file.
import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";
import { recordAudit } from "../audit/record";
import { getEnv } from "../env";
import { parseInput } from "../validation";
import { detectAttachmentType } from "./content";
import { ACCEPTED_TYPES_TEXT } from "./definitions";
import { addAttachmentSchema } from "./schemas";
import { attachmentStorage, sha256Of, storageKeyFor } from "./storage";

export interface AttachmentUpload {
  /** The name the file had on the user's computer (kept for the download; never trusted for the type). */
  name: string;
  bytes: Uint8Array;
}

/** Largest attachment accepted, in bytes (ATTACHMENT_MAX_MB). */
export function attachmentMaxBytes(): number {
  return getEnv().ATTACHMENT_MAX_MB * 1024 * 1024;
}

function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base.replace(/[\u0000-\u001f"<>|:*?]/g, "_").trim().slice(0, 200);
  return cleaned || "附件";
}

export async function addAttachment({ actor, input, file }: { actor: Actor; input: unknown; file: AttachmentUpload }) {
  assertCan(actor, "case:work");
  const data = parseInput(addAttachmentSchema, input);
  const application = await db.application.findFirst({ where: { id: data.applicationId, organizationId: actor.organizationId }, select: { id: true } });
  if (!application) throw new AppError("NOT_FOUND", "未找到该案件");
  if (file.bytes.length === 0) throw new AppError("VALIDATION", "文件是空的", { file: ["文件是空的"] });
  const maxBytes = attachmentMaxBytes();
  if (file.bytes.length > maxBytes) {
    throw new AppError("VALIDATION", `文件超过 ${getEnv().ATTACHMENT_MAX_MB} MB 的上限`, { file: [`文件超过 ${getEnv().ATTACHMENT_MAX_MB} MB 的上限`] });
  }
  const contentType = await detectAttachmentType(file.bytes);
  if (!contentType) {
    const message = `无法识别为可接受的文件类型（按文件内容判断，不看扩展名）；可上传：${ACCEPTED_TYPES_TEXT}`;
    throw new AppError("VALIDATION", message, { file: [message] });
  }

  const sha256 = sha256Of(file.bytes);
  const storage = attachmentStorage();
  const storageKey = storageKeyFor(actor.organizationId, sha256);
  // Before the row: a row never points to content that is not there. Content without a row (a failed
  // transaction) is harmless, and the same bytes land on the same key next time.
  await storage.put(storageKey, file.bytes, contentType);

  return db.$transaction(async (tx) => {
    if (data.supersedesId) {
      const locked = await tx.$queryRaw<{ id: string }[]>`
        SELECT id FROM "Attachment" WHERE id = ${data.supersedesId} AND "organizationId" = ${actor.organizationId}
          AND "applicationId" = ${data.applicationId} FOR UPDATE`;
      if (locked.length === 0) throw new AppError("NOT_FOUND", "未找到要替换的附件");
    }
    const created = await tx.attachment.create({
      data: {
        organizationId: actor.organizationId,
        applicationId: data.applicationId,
        category: data.category,
        description: data.description ?? null,
        fileName: cleanFileName(file.name),
        contentType,
        size: file.bytes.length,
        sha256,
        storage: storage.kind,
        storageKey,
        uploadedById: actor.userId,
      },
      select: { id: true },
    });
    if (data.supersedesId) {
      const superseded = await tx.attachment.updateMany({
        where: { id: data.supersedesId, supersededAt: null },
        data: { supersededAt: new Date(), supersededById: created.id, supersedeReason: data.supersedeReason ?? null },
      });
      if (superseded.count === 0) throw new AppError("CONFLICT", "要替换的附件已被替换过，请替换最新的一份");
    }
    await recordAudit(tx, actor, {
      action: data.supersedesId ? "attachment.supersede" : "attachment.add",
      entityType: "Application",
      entityId: data.applicationId,
      after: { attachmentId: created.id, category: data.category, fileName: cleanFileName(file.name), contentType, size: file.bytes.length, sha256, storage: storage.kind },
      before: data.supersedesId ? { attachmentId: data.supersedesId } : undefined,
      reason: data.supersedeReason,
    });
    return { attachmentId: created.id, sha256 };
  });
}
