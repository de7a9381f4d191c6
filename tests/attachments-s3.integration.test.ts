// The case file in S3-compatible object storage: s3rver (an S3 server in Node, started here) stands in
// for MinIO, which does not install on these machines. Uploads are checked on their content, stored
// under their hash, read back by a colleague, refused (not found) to another organization, and never
// deleted, only superseded.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { registerApplication } from "@/lib/cases/mutations";
import { addAttachment } from "@/lib/attachments/mutations";
import { findCaseAttachments, getAttachmentFile } from "@/lib/attachments/queries";
import { attachmentStorage, createS3Storage } from "@/lib/attachments/storage";
import { actorFor, createTestOrganization, createTestUser } from "./factories";
import { samplePdf, samplePng } from "./sample-files";

const S3 = vi.hoisted(() => {
  // Before lib/env reads the environment: this file's attachments go to the S3 server started below.
  const settings = { port: 4541, bucket: "gongkai-test", accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  Object.assign(process.env, {
    S3_BUCKET: settings.bucket,
    S3_ENDPOINT: `http://127.0.0.1:${settings.port}`,
    S3_ACCESS_KEY_ID: settings.accessKeyId,
    S3_SECRET_ACCESS_KEY: settings.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    ATTACHMENT_MAX_MB: "1",
  });
  return settings;
});

const TODAY = "2026-03-20";
let server: S3rver;
let directory: string;
let clerk: Actor;
let colleague: Actor;
let outsider: Actor;
let applicationId: string;

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), "gongkai-s3rver-"));
  server = new S3rver({ port: S3.port, address: "127.0.0.1", silent: true, directory, configureBuckets: [{ name: S3.bucket, configs: [] }] });
  await server.run();
  const organization = await createTestOrganization("案卷司法局");
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  colleague = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  outsider = actorFor(await createTestUser({ organizationId: (await createTestOrganization("邻局")).id, role: "ADMIN" }));
  const registered = await registerApplication({
    actor: clerk,
    input: { applicantType: "NATURAL_PERSON", applicantName: "周案卷", channel: "POST", receivedOn: "2026-03-02", requestContent: "申请公开行政处罚决定书" },
    today: TODAY,
  });
  applicationId = registered.id;
});

afterAll(async () => {
  await server?.close();
  await rm(directory, { recursive: true, force: true });
});

describe("attachments in S3-compatible storage", () => {
  it("stores an upload in the bucket under its hash, and a colleague reads the same bytes back", async () => {
    expect(attachmentStorage().kind).toBe("s3");
    const pdf = samplePdf("申请书扫描件");
    const added = await addAttachment({ actor: clerk, input: { applicationId, category: "APPLICATION", description: "申请书原件扫描" }, file: { name: "申请书.pdf", bytes: pdf } });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: added.attachmentId } });
    expect(row).toMatchObject({ storage: "s3", contentType: "application/pdf", size: pdf.length, storageKey: `${clerk.organizationId}/${row.sha256.slice(0, 2)}/${row.sha256}` });

    // The object is in the bucket itself, not only in this process.
    const direct = createS3Storage({ bucket: S3.bucket, endpoint: `http://127.0.0.1:${S3.port}`, region: "us-east-1", accessKeyId: S3.accessKeyId, secretAccessKey: S3.secretAccessKey, forcePathStyle: true });
    expect(Buffer.from(await direct.get(row.storageKey)).equals(Buffer.from(pdf))).toBe(true);

    const file = await getAttachmentFile({ actor: colleague, attachmentId: added.attachmentId });
    expect(Buffer.from(file.content).equals(Buffer.from(pdf))).toBe(true);
    expect(file.fileName).toBe("申请书.pdf");
    expect(await db.auditEvent.count({ where: { entityId: added.attachmentId, action: "attachment.download", actorId: colleague.userId } })).toBe(1);
  });

  it("refuses another organization's user as if the attachment did not exist", async () => {
    const added = await addAttachment({ actor: clerk, input: { applicationId, category: "IDENTITY" }, file: { name: "身份证.png", bytes: samplePng() } });
    await expect(getAttachmentFile({ actor: outsider, attachmentId: added.attachmentId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findCaseAttachments({ actor: outsider, applicationId })).toEqual([]);
    await expect(addAttachment({ actor: outsider, input: { applicationId, category: "OTHER" }, file: { name: "x.pdf", bytes: samplePdf("x") } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("judges a file by its content, not its name, and refuses one over the size limit", async () => {
    const script = new TextEncoder().encode("#!/bin/sh\necho 这不是 PDF\n");
    await expect(addAttachment({ actor: clerk, input: { applicationId, category: "OTHER" }, file: { name: "送达回证.pdf", bytes: script } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringContaining("按文件内容判断"),
    });
    // A PNG named .pdf is kept as the PNG it is.
    const added = await addAttachment({ actor: clerk, input: { applicationId, category: "SERVICE_RECEIPT" }, file: { name: "送达回证.pdf", bytes: samplePng() } });
    expect((await db.attachment.findUniqueOrThrow({ where: { id: added.attachmentId } })).contentType).toBe("image/png");
    const large = new Uint8Array(1024 * 1024 + 1);
    large.set(samplePdf("大文件"));
    await expect(addAttachment({ actor: clerk, input: { applicationId, category: "OTHER" }, file: { name: "大.pdf", bytes: large } })).rejects.toMatchObject({
      code: "VALIDATION",
      message: "文件超过 1 MB 的上限",
    });
  });

  it("never deletes: a replacement supersedes, with its reason, and both stay in the case file", async () => {
    const first = await addAttachment({ actor: clerk, input: { applicationId, category: "POSTAL_RECEIPT" }, file: { name: "邮寄凭证.png", bytes: samplePng() } });
    await expect(
      addAttachment({ actor: clerk, input: { applicationId, category: "POSTAL_RECEIPT", supersedesId: first.attachmentId }, file: { name: "邮寄凭证2.pdf", bytes: samplePdf("新") } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    const second = await addAttachment({
      actor: clerk,
      input: { applicationId, category: "POSTAL_RECEIPT", supersedesId: first.attachmentId, supersedeReason: "原件扫描不清" },
      file: { name: "邮寄凭证（清晰）.pdf", bytes: samplePdf("清晰版") },
    });
    const listed = await findCaseAttachments({ actor: colleague, applicationId });
    const old = listed.find((attachment) => attachment.id === first.attachmentId)!;
    expect(old).toMatchObject({ supersededById: second.attachmentId, supersedeReason: "原件扫描不清" });
    expect(old.supersededAt).not.toBeNull();
    // The superseded file is still downloadable; a second replacement of it is refused.
    expect((await getAttachmentFile({ actor: colleague, attachmentId: first.attachmentId })).contentType).toBe("image/png");
    await expect(
      addAttachment({ actor: clerk, input: { applicationId, category: "POSTAL_RECEIPT", supersedesId: first.attachmentId, supersedeReason: "再换" }, file: { name: "3.pdf", bytes: samplePdf("3") } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(db.attachment.delete({ where: { id: first.attachmentId } })).rejects.toThrow(/留存记录/);
  });
});
