// The case file on the local disk (the default): under DATA_DIR/attachments, by organization and hash,
// written once; a file altered on disk is refused on download rather than served.
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { registerApplication } from "@/lib/cases/mutations";
import { addAttachment } from "@/lib/attachments/mutations";
import { getAttachmentFile } from "@/lib/attachments/queries";
import { attachmentStorage } from "@/lib/attachments/storage";
import { actorFor, createTestOrganization, createTestUser } from "./factories";
import { samplePdf } from "./sample-files";

const DATA_DIR = vi.hoisted(() => {
  const directory = `${process.cwd()}/.data/test-attachments-${process.pid}`;
  process.env.DATA_DIR = directory;
  delete process.env.S3_BUCKET;
  return directory;
});

afterAll(() => rm(DATA_DIR, { recursive: true, force: true }));

describe("attachments on the local disk", () => {
  it("are kept under DATA_DIR/attachments by their hash and checked when read", async () => {
    expect(attachmentStorage().kind).toBe("local");
    const organization = await createTestOrganization("本地案卷局");
    const clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
    const application = await registerApplication({
      actor: clerk,
      input: { applicantType: "NATURAL_PERSON", applicantName: "吴本地", channel: "IN_PERSON", receivedOn: "2026-03-02", requestContent: "申请公开会议纪要" },
      today: "2026-03-20",
    });
    const pdf = samplePdf("本地");
    const added = await addAttachment({ actor: clerk, input: { applicationId: application.id, category: "APPLICATION" }, file: { name: "申请书.pdf", bytes: pdf } });
    const row = await db.attachment.findUniqueOrThrow({ where: { id: added.attachmentId } });
    expect(row.storage).toBe("local");
    const file = path.join(DATA_DIR, "attachments", row.storageKey);
    expect(Buffer.from(await readFile(file)).equals(Buffer.from(pdf))).toBe(true);
    expect((await getAttachmentFile({ actor: clerk, attachmentId: row.id })).content).toEqual(pdf);

    await writeFile(file, samplePdf("被改过"));
    await expect(getAttachmentFile({ actor: clerk, attachmentId: row.id })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringContaining("校验值不一致") });
  });
});
