// The audit as people read it: a clerk registers a case, records a step and corrects it, and the
// case's 操作记录 tab shows every change with its before and after; an administrator filters the
// organization's audit by user, action and date and downloads what the filters select.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

async function recordStep(page: Page, button: string, fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
  await page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: button, exact: true }).click();
  const form = page.getByTestId("step-form");
  await fill(form);
  await form.getByRole("button", { name: "登记", exact: true }).click();
}

test("the case's 操作记录 shows every step with its before and after", async ({ page }) => {
  await signIn(page, DEMO.clerk);
  await page.goto("/cases/new");
  const registration = page.getByTestId("registration-form");
  await registration.getByLabel("商业企业", { exact: true }).check();
  await registration.getByLabel("申请人姓名或名称").fill("审计测试有限公司");
  await registration.getByLabel("申请方式").selectOption("POST");
  await registration.getByLabel("收到申请日期").fill("2026-03-02");
  await registration.getByLabel("申请内容").fill("申请公开2025年度政府采购合同");
  await registration.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[^/?]+\?registered=1/);

  await recordStep(page, "补正告知", async (form) => {
    await form.getByLabel("补正告知日期").fill("2026-03-04");
    await form.getByLabel("补正期限").fill("2026-03-18");
    await form.getByLabel("需要补正的事项").fill("请写明合同编号");
  });
  await expect(page.getByTestId("case-phase")).toHaveText("等待补正");

  // Correct the notice's deadline in the timeline.
  const notice = page.getByTestId("event-CORRECTION_REQUESTED");
  await notice.getByRole("button", { name: "更正" }).click();
  const correction = page.getByTestId("correction-form");
  await correction.getByLabel("补正期限").fill("2026-03-19");
  await correction.getByLabel("更正理由").fill("补正期限登记错了");
  await correction.getByRole("button", { name: "保存更正" }).click();
  await expect(page.getByTestId("timeline")).toContainText("已更正，理由：补正期限登记错了");

  await page.getByRole("tab", { name: "操作记录" }).click();
  await expect(page).toHaveURL(/tab=audit/);
  const log = page.getByTestId("case-audit-log");
  const entries = log.getByTestId("audit-entry");
  await expect(entries).toHaveCount(3);
  await expect(entries.nth(0)).toContainText("登记申请");
  await expect(entries.nth(0)).toContainText("王登记");
  await expect(entries.nth(0).getByTestId("change-applicantType")).toContainText("商业企业");
  await expect(entries.nth(0).getByTestId("change-channel")).toContainText("邮寄");
  await expect(entries.nth(1)).toContainText("记录办理步骤：补正告知");
  await expect(entries.nth(1).getByTestId("change-details.matters")).toContainText("请写明合同编号");
  await expect(entries.nth(2)).toContainText("更正办理步骤");
  await expect(entries.nth(2)).toContainText("理由：补正期限登记错了");
  const deadline = entries.nth(2).getByTestId("change-details.deadlineOn");
  await expect(deadline.locator("td")).toHaveText(["补正期限", "2026-03-18", "2026-03-19"]);
  // The step form of the other tab is hidden, not gone; the link to the log opens the tab directly.
  await expect(page.getByTestId("due-explanation")).toBeHidden();
  await page.reload();
  await expect(page.getByRole("tab", { name: "操作记录" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("case-audit-log")).toBeVisible();
  await page.getByRole("tab", { name: "办理情况" }).click();
  await expect(page.getByTestId("due-explanation")).toBeVisible();
});

test("an administrator filters the audit by user, action and date, and exports it", async ({ page, request }) => {
  const { db, actorFor, createTestUser } = await connectToE2eDatabase();
  const { registerApplication } = await import("../lib/cases/mutations");
  const organization = await db.organization.findFirstOrThrow({ where: { users: { some: { username: DEMO.admin.username } } } });
  const auditor = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK", displayName: "审计专员" }));
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
  for (const name of ["甲申请人", "乙申请人"]) {
    await registerApplication({ actor: auditor, input: { applicantType: "NATURAL_PERSON", applicantName: name, channel: "ONLINE", receivedOn: "2026-11-02", requestContent: `${name}申请公开会议纪要` }, today });
  }

  await signIn(page, DEMO.admin);
  await page.goto("/settings");
  await page.getByRole("link", { name: /操作记录/ }).click();
  await expect(page).toHaveURL("/settings/audit");
  await expect(page.getByTestId("audit-row").first()).toBeVisible();

  const filters = page.getByTestId("audit-filters");
  await filters.getByLabel("操作人").selectOption({ label: `审计专员（${(await db.user.findUniqueOrThrow({ where: { id: auditor.userId } })).username}）` });
  await filters.getByLabel("操作", { exact: true }).selectOption("application.*");
  await filters.getByLabel("自").fill(today);
  await filters.getByLabel("至").fill(today);
  await filters.getByRole("button", { name: "筛选" }).click();
  await expect(page).toHaveURL(new RegExp(`user=${auditor.userId}.*action=application\\.\\*.*from=${today}`));
  await expect(page.getByTestId("audit-count")).toHaveText("2");
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("审计专员");
  await expect(rows.first()).toContainText("登记申请");
  await rows.first().locator("summary").click();
  await expect(rows.first().getByTestId("change-applicantName")).toContainText("乙申请人");

  // Downloads carry the same filters.
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export-csv").click()]);
  const csv = (await readFile((await csvDownload.path())!, "utf8")).replace(/^\uFEFF/, "");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("时间,操作人,操作,对象,案件编号,修改内容,理由");
  expect(lines).toHaveLength(3);
  expect(lines[1]).toContain("审计专员,登记申请,案件 GK-2026-");
  expect(lines[1]).toContain("申请人姓名或名称：乙申请人");

  const [xlsxDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("audit-export-xlsx").click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^操作记录-\d{8}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(await readFile((await xlsxDownload.path())!)).buffer);
  const sheet = workbook.getWorksheet("操作记录")!;
  expect(sheet.rowCount).toBe(3);
  expect(sheet.getRow(2).getCell(2).value).toBe("审计专员");

  // A date range without entries; no download without a session.
  await page.goto(`/settings/audit?from=2099-01-01`);
  await expect(page.getByTestId("audit-count")).toHaveText("0");
  await expect(page.getByText("没有符合条件的操作记录")).toBeVisible();
  const anonymous = await request.get("/settings/audit/export?format=csv", { maxRedirects: 0 });
  expect(anonymous.status()).toBe(307);
  expect(anonymous.headers().location).toContain("/login?callbackUrl=");
});
