// A manager opens the year's report, drills into a figure, downloads the Excel and Word files and
// reads them back, publishes, and sees the difference after a case changes.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

const YEAR = 2025;

test("report: drill-down, Excel and Word downloads, publication and the difference after a change", async ({ page }) => {
  const { db, actorFor } = await connectToE2eDatabase();
  const { registerApplication, recordCaseEvent } = await import("../lib/cases/mutations");
  const clerkRow = await db.user.findUniqueOrThrow({ where: { username: DEMO.clerk.username }, include: { organization: true } });
  const clerk = actorFor(clerkRow);
  const today = new Date().toISOString().slice(0, 10);
  const register = async (applicantType: string, applicantName: string, receivedOn: string) =>
    registerApplication({ actor: clerk, input: { applicantType, applicantName, channel: "ONLINE", receivedOn, requestContent: `${applicantName}的申请：公开${YEAR}年度执法检查计划` }, today });
  const close = async (applicationId: string, occurredOn: string, disposition: string) =>
    recordCaseEvent({ actor: clerk, applicationId, today, expectedVersion: null, input: { type: "DECISION_SERVED", occurredOn, details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition }] } } });

  const granted = await register("NATURAL_PERSON", "周报表", `${YEAR}-03-03`);
  await close(granted.id, `${YEAR}-03-20`, "GRANTED");
  const secret = await register("LEGAL_SERVICE_ORG", "某律师事务所", `${YEAR}-06-02`);
  await close(secret.id, `${YEAR}-06-20`, "WITHHELD_STATE_SECRET");
  const open = await register("NATURAL_PERSON", "吴结转", `${YEAR}-12-15`);

  await signIn(page, DEMO.manager);
  await page.goto(`/reports/${YEAR}`);
  await expect(page.getByTestId("report-status")).toHaveText("草稿，尚未发布");
  await expect(page.getByTestId("report-checks")).not.toContainText("未通过");

  // Drill-down: the figure opens exactly the cases it counts.
  await page.getByTestId("cell-applications.granted.natural_person").click();
  await expect(page.getByTestId("cell-case-count")).toHaveText("共 1 件");
  await expect(page.getByTestId(`cell-case-${granted.caseNumber}`)).toBeVisible();
  await page.goto(`/reports/${YEAR}`);
  await page.getByTestId("cell-applications.new_received.total").click();
  await expect(page.getByTestId("cell-case-count")).toHaveText("共 3 件");
  for (const created of [granted, secret, open]) await expect(page.getByTestId(`cell-case-${created.caseNumber}`)).toBeVisible();
  await page.goto(`/reports/${YEAR}`);

  // Excel: read back, find the figures in the official layout.
  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-xlsx").click()]);
  expect(xlsxDownload.suggestedFilename()).toBe(`示例市司法局${YEAR}年政府信息公开工作年度报告.xlsx`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await xlsxDownload.path())!)).buffer);
  const table3 = workbook.getWorksheet("表三 依申请公开")!;
  expect(table3.getCell("A5").value).toBe("一、本年新收政府信息公开申请数量");
  expect(table3.getCell(5, 10).value).toBe(3); // 一 · 总计
  expect(table3.getCell(7, 4).value).toBe(1); // （一）予以公开 · 自然人

  // Word: the title, the sections and the figures.
  const [docxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-docx").click()]);
  const zip = await JSZip.loadAsync(await readFile((await docxDownload.path())!));
  const text = (await zip.file("word/document.xml")!.async("string")).replace(/<[^>]+>/g, " ");
  expect(text).toContain(`示例市司法局${YEAR}年政府信息公开工作年度报告`);
  expect(text).toContain("三、收到和处理政府信息公开申请情况");
  expect(text).toContain("1.属于国家秘密");

  // Publish, then change a case: the page shows the difference against the frozen version.
  await page.getByTestId("publish-form").getByRole("button", { name: "发布" }).click();
  await expect(page.getByTestId("report-status")).toContainText("已发布第 1 版");
  await expect(page.getByTestId("report-differences-none")).toBeVisible();

  await close(open.id, `${YEAR}-12-22`, "GRANTED");
  await page.reload();
  const difference = page.getByTestId("difference-applications.granted.natural_person");
  await expect(difference).toContainText("（一） 予以公开 · 自然人");
  await expect(difference.locator("td").nth(1)).toHaveText("1");
  await expect(difference.locator("td").nth(2)).toHaveText("2");
  await expect(page.getByTestId("difference-applications.carried_out.total")).toBeVisible();
  // The published version itself did not move.
  await expect(page.getByTestId("report-status")).toContainText("已发布第 1 版");
});
