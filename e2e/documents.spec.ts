// The documents a bureau sends and keeps, in Chromium: an administrator fills in the letterhead; a clerk
// issues a 补正告知书 (the step is recorded with the letter's date) and a 部分公开 答复书 and reads the
// files back; two letters issued at once get different numbers; an attachment is uploaded, downloaded
// by a colleague and not found by another organization's user; a manager uploads a malformed ledger,
// sees its errors with nothing imported, fixes it and imports it.
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { todayInShanghai } from "../lib/today";
import { chineseDate } from "../lib/calendar/dates";
import { samplePdf } from "../tests/sample-files";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

const TODAY = todayInShanghai();

async function docxText(path: string): Promise<string> {
  const xml = await (await JSZip.loadAsync(await readFile(path))).file("word/document.xml")!.async("string");
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join("");
}

function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/** Signs out (drops the session cookie) and signs in as another user. */
async function switchTo(page: Page, account: { username: string; password: string }) {
  await page.context().clearCookies();
  await signIn(page, account);
}

async function downloadLetter(page: Page, number: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`letter-${number}`).getByTestId("letter-download").click()]);
  return docxText((await download.path())!);
}

test("letters, the case file and the ledger upload", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { db, actorFor, createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const { registerApplication } = await import("../lib/cases/mutations");
  const clerkRow = await db.user.findUniqueOrThrow({ where: { username: DEMO.clerk.username }, include: { organization: true } });
  const clerk = actorFor(clerkRow);
  const register = (applicantName: string) =>
    registerApplication({ actor: clerk, input: { applicantType: "NATURAL_PERSON", applicantName, channel: "IN_PERSON", receivedOn: TODAY, requestContent: `${applicantName}申请公开行政处罚决定书` }, today: TODAY });
  const correctionCase = await register("文书甲");
  const decisionCase = await register("文书乙");

  // The administrator fills in the letterhead.
  await signIn(page, DEMO.admin);
  await page.goto("/settings/letters");
  const settings = page.getByTestId("letter-settings-form");
  await settings.getByLabel("机关全称").fill("示例市司法局");
  await settings.getByLabel("通信地址").fill("示例市人民路1号");
  await settings.getByLabel("联系电话").fill("010-12345678");
  await settings.getByLabel("行政复议机关").fill("示例市人民政府");
  await settings.getByLabel("人民法院").fill("示例市中级人民法院");
  await settings.getByRole("button", { name: "保存文书设置" }).click();
  await expect(settings.getByRole("status")).toHaveText("已保存文书设置");

  // A clerk issues a 补正告知书, editing its text first.
  await switchTo(page, DEMO.clerk);
  await page.goto(`/cases/${correctionCase.id}`);
  await page.getByRole("group", { name: "出具文书" }).getByRole("link", { name: "补正告知书" }).click();
  const form = page.getByTestId("letter-form");
  await form.getByLabel("需要补正的事项").fill("请写明所需行政处罚决定书的文号或作出日期");
  await form.getByLabel("补正期限").fill(addDays(TODAY, 14));
  await form.getByRole("button", { name: "生成文书文字" }).click();
  const text = form.getByLabel("文书正文");
  await expect(text).toContainText("请写明所需行政处罚决定书的文号或作出日期");
  await text.fill(`${await text.inputValue()}\n如有疑问，请致电经办人。`);
  await form.getByRole("button", { name: "出具文书" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${correctionCase.id}$`));
  await expect(page.getByTestId("case-phase")).toHaveText("等待补正");
  const correctionLetter = await db.letter.findFirstOrThrow({ where: { applicationId: correctionCase.id, kind: "CORRECTION_NOTICE" } });
  const event = await db.caseEvent.findUniqueOrThrow({ where: { id: correctionLetter.caseEventId! } });
  expect(event.type).toBe("CORRECTION_REQUESTED");
  expect(event.occurredOn.toISOString().slice(0, 10)).toBe(TODAY);
  const correctionText = await downloadLetter(page, correctionLetter.number);
  for (const expected of [correctionCase.caseNumber, chineseDate(TODAY), chineseDate(addDays(TODAY, 14)), "第二十九条、第三十条", "如有疑问，请致电经办人", correctionLetter.number]) {
    expect(correctionText).toContain(expected);
  }

  // …and a 部分公开 答复书, with its legal basis and the remedies.
  await page.goto(`/cases/${decisionCase.id}/letters/new?kind=DECISION`);
  await form.getByLabel("办理结果").selectOption("PARTIALLY_GRANTED");
  await form.getByLabel("处理说明").fill("决定书中当事人的身份证号码属于个人隐私，不予公开，其余内容予以公开。");
  await form.getByRole("button", { name: "生成文书文字" }).click();
  await expect(form.getByLabel("文书正文")).toContainText("第三十七条");
  await form.getByRole("button", { name: "出具文书" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${decisionCase.id}$`));
  const decisionLetter = await db.letter.findFirstOrThrow({ where: { applicationId: decisionCase.id, kind: "DECISION" } });
  const decisionText = await downloadLetter(page, decisionLetter.number);
  for (const expected of [decisionCase.caseNumber, chineseDate(TODAY), "第三十七条", "身份证号码属于个人隐私", "六十日内向示例市人民政府申请行政复议", "行政复议法》第二十三条"]) {
    expect(decisionText).toContain(expected);
  }

  // Two receipts issued at the same moment from two tabs get different numbers.
  const second = await page.context().newPage();
  const tabs = [page, second];
  for (const tab of tabs) {
    await tab.goto(`/cases/${decisionCase.id}/letters/new?kind=RECEIPT`);
    await tab.getByTestId("letter-form").getByRole("button", { name: "生成文书文字" }).click();
    await expect(tab.getByTestId("letter-form").getByLabel("文书正文")).toContainText("特此回执");
  }
  await Promise.all(tabs.map((tab) => tab.getByTestId("letter-form").getByRole("button", { name: "出具文书" }).click()));
  await Promise.all(tabs.map((tab) => expect(tab).toHaveURL(new RegExp(`/cases/${decisionCase.id}$`))));
  await second.close();
  const receipts = await db.letter.findMany({ where: { applicationId: decisionCase.id, kind: "RECEIPT" } });
  expect(receipts).toHaveLength(2);
  expect(receipts[0]!.number).not.toBe(receipts[1]!.number);
  await page.reload();
  for (const receipt of receipts) await expect(page.getByTestId(`letter-${receipt.number}`)).toBeVisible();

  // An attachment: uploaded by the clerk, downloaded by a colleague, not found for another organization.
  const pdf = Buffer.from(samplePdf("送达回证"));
  await page.goto(`/cases/${correctionCase.id}`);
  const attachments = page.getByTestId("attachment-form");
  await attachments.getByLabel("材料类别").selectOption("SERVICE_RECEIPT");
  await attachments.getByLabel("文件").setInputFiles({ name: "送达回证.pdf", mimeType: "application/pdf", buffer: pdf });
  await attachments.getByRole("button", { name: "加入案卷" }).click();
  await expect(page.getByTestId("attachment-送达回证.pdf")).toBeVisible();
  const attachment = await db.attachment.findFirstOrThrow({ where: { applicationId: correctionCase.id } });
  const attachmentUrl = `/cases/${correctionCase.id}/attachments/${attachment.id}`;

  await switchTo(page, DEMO.manager);
  await page.goto(`/cases/${correctionCase.id}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("attachment-送达回证.pdf").getByRole("link", { name: "送达回证.pdf" }).click()]);
  expect((await readFile((await download.path())!)).equals(pdf)).toBe(true);
  const manager = await db.user.findUniqueOrThrow({ where: { username: DEMO.manager.username } });
  expect(await db.auditEvent.count({ where: { action: "attachment.download", entityId: attachment.id, actorId: manager.id } })).toBe(1);

  const otherOrganization = await createTestOrganization("丙区司法局");
  const outsider = await createTestUser({ organizationId: otherOrganization.id, role: "ADMIN", password: "Outsider-pass-2026" });
  const outsiderContext = await browser.newContext();
  const outsiderPage = await outsiderContext.newPage();
  await signIn(outsiderPage, { username: outsider.username, password: "Outsider-pass-2026" });
  const refused = await outsiderPage.request.get(attachmentUrl);
  expect(refused.status()).toBe(404);
  expect((await outsiderPage.request.get(`/cases/${correctionCase.id}/letters/${correctionLetter.id}`)).status()).toBe(404);
  await outsiderContext.close();

  // A manager uploads a malformed ledger: every problem is shown, nothing is imported; fixed, it imports.
  const header = "申请编号,收到申请日期,申请方式,申请人类型,申请人,申请内容,办结日期,办理结果";
  const rows = [
    "E2E-IMP-000001,2023-03-03,当面,自然人,导入甲,申请公开2023年度部门预算,2023-03-20,予以公开",
    "E2E-IMP-000002,2023-13-03,网络,商业企业,导入乙,申请公开行政许可事项目录,,",
    "E2E-IMP-000003,2023-04-01,邮寄,自然人,导入丙,申请公开会议纪要,2023-04-20,保密",
  ];
  const ledger = (lines: string[]) => ({ name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n${lines.join("\n")}\n`) });
  await page.goto("/cases");
  await page.getByTestId("case-import").click();
  await page.getByLabel("台账文件（CSV 或 XLSX）").setInputFiles(ledger(rows));
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("check-failed")).toContainText("发现 2 处问题，未导入任何申请");
  const errors = page.getByTestId("ledger-errors").locator("tbody tr");
  await expect(errors).toHaveCount(2);
  await expect(errors.nth(0)).toContainText("3收到申请日期");
  await expect(errors.nth(1)).toContainText("4办理结果");
  await expect(page.getByTestId("import-button")).toHaveCount(0);
  expect(await db.application.count({ where: { caseNumber: { startsWith: "E2E-IMP-" } } })).toBe(0);

  const fixed = [rows[0]!, rows[1]!.replace("2023-13-03", "2023-03-13"), rows[2]!.replace("保密", "属于三类内部事务信息")];
  await page.getByLabel("台账文件（CSV 或 XLSX）").setInputFiles(ledger(fixed));
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("check-passed")).toContainText("共 3 件申请");
  await page.getByTestId("import-button").click();
  await expect(page).toHaveURL(/\/cases\/import\/[^/]+$/);
  await expect(page.getByTestId("import-result")).toHaveText("已导入 3 件申请。");
  await page.getByTestId("imported-cases").getByRole("link", { name: "E2E-IMP-000002" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("案件 E2E-IMP-000002");
  expect(await db.application.count({ where: { caseNumber: { startsWith: "E2E-IMP-" } } })).toBe(3);
});
