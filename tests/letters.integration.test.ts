// Standard letters against the real database: issued from the case and the letterhead, numbered per
// organization, kind and year without gaps or duplicates under concurrency, the matching step recorded
// with the letter's date, the Word file stored with its SHA-256 and read back; templates versioned with
// stale-write protection; another organization sees nothing.
import { createHash } from "node:crypto";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { registerApplication } from "@/lib/cases/mutations";
import { draftLetter, findCaseLetters, getLetterFile, getLetterSettingsForm } from "@/lib/letters/queries";
import { issueLetter, saveLetterSettings, saveLetterTemplate } from "@/lib/letters/mutations";
import { builtInLetterTemplate } from "@/lib/letters/templates";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

const TODAY = "2026-03-20";
const LETTERHEAD = {
  fullName: "示例市司法局",
  address: "示例市人民路1号",
  postalCode: "100000",
  telephone: "010-12345678",
  reviewOrgan: "示例市人民政府",
  court: "示例市中级人民法院",
  numberPatterns: {},
};

let admin: Actor;
let clerk: Actor;
let outsider: Actor;

async function newCase(receivedOn = "2026-03-02") {
  return registerApplication({
    actor: clerk,
    input: { applicantType: "NATURAL_PERSON", applicantName: "陈晓明", channel: "IN_PERSON", receivedOn, requestContent: "申请公开2025年度律师事务所年度考核结果" },
    today: TODAY,
  });
}

/** Drafts the letter and issues it with its drafted text. */
async function issue(applicationId: string, issuedOn: string, inputs: Record<string, unknown>, actor = clerk) {
  const draft = await draftLetter({ actor, input: { applicationId, issuedOn, inputs }, today: TODAY });
  return issueLetter({ actor, input: { applicationId, issuedOn, inputs, body: draft.body }, today: TODAY });
}

async function docxText(letterId: string, actor = clerk): Promise<string> {
  const file = await getLetterFile({ actor, letterId });
  const xml = await (await JSZip.loadAsync(file.content)).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
}

beforeAll(async () => {
  const organization = await createTestOrganization("文书司法局");
  admin = actorFor(await createTestUser({ organizationId: organization.id, role: "ADMIN" }));
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  const other = await createTestOrganization("别的局");
  outsider = actorFor(await createTestUser({ organizationId: other.id, role: "ADMIN" }));
});

describe("the letterhead", () => {
  it("is required before a letter is issued, and a save from an older version is refused", async () => {
    const application = await newCase();
    await expect(issue(application.id, "2026-03-03", { kind: "RECEIPT" })).rejects.toMatchObject({ code: "INVALID_STATE" });

    await expect(saveLetterSettings({ actor: clerk, input: { ...LETTERHEAD, version: 0 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await saveLetterSettings({ actor: admin, input: { ...LETTERHEAD, version: 0 } })).toEqual({ version: 1 });
    // A second administrator who opened the form at version 0 does not overwrite the first one's save.
    await expect(saveLetterSettings({ actor: admin, input: { ...LETTERHEAD, telephone: "010-0", version: 0 } })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await saveLetterSettings({ actor: admin, input: { ...LETTERHEAD, version: 1 } })).toEqual({ version: 2 });
    const form = await getLetterSettingsForm({ actor: admin });
    expect(form).toMatchObject({ telephone: "010-12345678", version: 2 });
    expect(form.numberPatterns.DECISION).toBe("公复〔{年}〕第{序号}号");
    await expect(saveLetterSettings({ actor: admin, input: { ...LETTERHEAD, version: 2, numberPatterns: { RECEIPT: "回执{序号}" } } })).rejects.toMatchObject({
      code: "VALIDATION",
    });
  });
});

describe("issuing", () => {
  it("numbers letters issued at the same moment differently, per kind and year", async () => {
    const application = await newCase();
    const results = await Promise.all(Array.from({ length: 6 }, () => issue(application.id, "2026-03-03", { kind: "RECEIPT" })));
    const numbers = results.map((result) => result.number).toSorted();
    expect(new Set(numbers).size).toBe(6);
    const letters = await db.letter.findMany({ where: { applicationId: application.id }, orderBy: { sequence: "asc" } });
    expect(letters.map((letter) => letter.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(numbers).toContain("公受〔2026〕第6号");
    // Another kind has its own series.
    const decision = await issue(application.id, "2026-03-10", { kind: "DECISION", outcome: "GRANTED", explanation: "现以电子邮件方式提供。" });
    expect(decision.number).toBe("公复〔2026〕第1号");
  });

  it("records the 补正 notice with the letter's date, and the file states the case, the dates and the legal basis", async () => {
    const application = await newCase();
    const inputs = { kind: "CORRECTION_NOTICE", matters: "请明确所需考核结果的律师事务所名称", deadlineOn: "2026-03-18" };
    const draft = await draftLetter({ actor: clerk, input: { applicationId: application.id, issuedOn: "2026-03-04", inputs }, today: TODAY });
    expect(draft.body).toContain("请明确所需考核结果的律师事务所名称");
    // The clerk edits the text before issuing: the letter says what was issued.
    const body = `${draft.body}\n（经办人补充：可来电咨询。）`;
    const issued = await issueLetter({ actor: clerk, input: { applicationId: application.id, issuedOn: "2026-03-04", inputs, body }, today: TODAY });

    const event = await db.caseEvent.findUniqueOrThrow({ where: { id: issued.caseEventId! } });
    expect(event).toMatchObject({ type: "CORRECTION_REQUESTED", applicationId: application.id });
    expect(event.occurredOn.toISOString().slice(0, 10)).toBe("2026-03-04");
    expect(event.details).toEqual({ deadlineOn: "2026-03-18", matters: "请明确所需考核结果的律师事务所名称" });
    expect(await db.application.findUniqueOrThrow({ where: { id: application.id } })).toMatchObject({ clockPhase: "AWAITING_CORRECTION" });

    const text = await docxText(issued.letterId);
    for (const expected of [application.caseNumber, "2026年3月2日", "2026年3月4日", "2026年3月18日", "第二十九条、第三十条", "经办人补充", "示例市司法局", issued.number]) {
      expect(text).toContain(expected);
    }
    const stored = await db.letter.findUniqueOrThrow({ where: { id: issued.letterId } });
    expect(stored.sha256).toBe(createHash("sha256").update(stored.content).digest("hex"));
    expect(stored.body).toContain("经办人补充");
    // An issued letter is a record: the database refuses to change or delete it.
    await expect(db.letter.update({ where: { id: stored.id }, data: { body: "改过的" } })).rejects.toThrow(/留存记录/);
    await expect(db.letter.delete({ where: { id: stored.id } })).rejects.toThrow(/留存记录/);
    const listed = await findCaseLetters({ actor: clerk, applicationId: application.id });
    expect(listed.map((letter) => letter.number)).toEqual([issued.number]);
    expect(await db.auditEvent.count({ where: { entityId: issued.letterId, action: "letter.download" } })).toBe(1);
  });

  it("states the legal basis and the remedies with the organs' names in a 部分公开 答复书", async () => {
    const application = await newCase();
    const issued = await issue(application.id, "2026-03-16", { kind: "DECISION", outcome: "PARTIALLY_GRANTED", explanation: "考核结果中涉及个人隐私的内容不予公开。" });
    const text = await docxText(issued.letterId);
    for (const expected of ["第三十七条", "考核结果中涉及个人隐私的内容不予公开", "六十日内向示例市人民政府申请行政复议", "行政复议法》第二十三条", "2026年3月16日", application.caseNumber]) {
      expect(text).toContain(expected);
    }
  });

  it("issues nothing when the case log refuses the step, and keeps the number series without a gap", async () => {
    const application = await newCase("2026-03-02");
    const before = await db.letterNumberCounter.findUnique({ where: { organizationId_kind_year: { organizationId: clerk.organizationId, kind: "CORRECTION_NOTICE", year: 2026 } } });
    // The case log refuses a 补正 period that ends before the notice.
    await expect(issue(application.id, "2026-03-04", { kind: "CORRECTION_NOTICE", matters: "请写明年度", deadlineOn: "2026-03-03" })).rejects.toMatchObject({
      code: "INVALID_STATE",
      message: "补正期限应晚于补正告知日期",
    });
    expect(await db.letter.count({ where: { applicationId: application.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { applicationId: application.id } })).toBe(0);
    const after = await db.letterNumberCounter.findUnique({ where: { organizationId_kind_year: { organizationId: clerk.organizationId, kind: "CORRECTION_NOTICE", year: 2026 } } });
    expect(after?.lastSequence).toBe(before?.lastSequence);
  });

  it("is not possible on, nor visible to, another organization", async () => {
    const application = await newCase();
    const issued = await issue(application.id, "2026-03-03", { kind: "RECEIPT" });
    await expect(getLetterFile({ actor: outsider, letterId: issued.letterId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await findCaseLetters({ actor: outsider, applicationId: application.id })).toEqual([]);
    await expect(
      issueLetter({ actor: outsider, input: { applicationId: application.id, issuedOn: "2026-03-03", inputs: { kind: "RECEIPT" }, body: "某某某某某某某某某某某" }, today: TODAY }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/NOT_FOUND|INVALID_STATE/) });
  });
});

describe("templates", () => {
  it("keep every version, refuse unknown placeholders and a save from an older version, and letters use the version in force", async () => {
    const builtIn = builtInLetterTemplate("RECEIPT", "default");
    await expect(saveLetterTemplate({ actor: clerk, input: { kind: "RECEIPT", variant: "default", expectedVersion: 0, title: builtIn.title, body: builtIn.body } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      saveLetterTemplate({ actor: admin, input: { kind: "RECEIPT", variant: "default", expectedVersion: 0, title: builtIn.title, body: `${builtIn.body}{身份证号}` } }),
    ).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("没有名为“身份证号”的占位符") });
    const body = `${builtIn.body}\n本回执由{机关全称}出具。`;
    expect(await saveLetterTemplate({ actor: admin, input: { kind: "RECEIPT", variant: "default", expectedVersion: 0, title: builtIn.title, body, reason: "加一句" } })).toEqual({
      version: 1,
    });
    await expect(saveLetterTemplate({ actor: admin, input: { kind: "RECEIPT", variant: "default", expectedVersion: 0, title: builtIn.title, body } })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const application = await newCase();
    const issued = await issue(application.id, "2026-03-03", { kind: "RECEIPT" });
    expect(await docxText(issued.letterId)).toContain("本回执由示例市司法局出具。");
    expect(await db.letter.findUniqueOrThrow({ where: { id: issued.letterId } })).toMatchObject({ templateVersion: 1 });
    // The other organization still has the built-in text.
    expect(await db.letterTemplate.count({ where: { organizationId: outsider.organizationId } })).toBe(0);
  });
});
