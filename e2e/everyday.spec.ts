// Everyday use (issue 13), in Chromium: an imported unassigned overdue case is on the manager's 工作台
// and in the notifications right after the upload, and its step reads the Beijing time of the import;
// an over-long 延期理由 is kept whole and refused in Chinese at the field; 6,000 characters pasted into
// 申请内容 are kept, counted and refused at the field, not silently cut.
import { expect, test, type Locator } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

/** "2026-12-02 04:27" for an instant, by hand (UTC + 8 hours). */
const beijingClock = (instant: number) => new Date(instant + 8 * 3600_000).toISOString().slice(0, 16).replace("T", " ");

test("an imported unassigned overdue case reaches every manager's 工作台 and notifications at once", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const { todayInShanghai } = await import("../lib/today");
  const today = todayInShanghai();
  const organization = await createTestOrganization("未分配验收局");
  const manager = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `mgr-${organization.code}`, password: "Manager-pass-1" });
  const second = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `mg2-${organization.code}`, password: "Manager-pass-2" });

  const received = new Date(Date.parse(today) - 120 * 86_400_000).toISOString().slice(0, 10);
  const plus = (days: number) => new Date(Date.parse(received) + days * 86_400_000).toISOString().slice(0, 10);
  const caseNumber = `E2E-UNA-${organization.code.slice(-6)}`;
  const header = "申请编号,收到申请日期,申请方式,申请人类型,申请人,申请内容,征求意见日期,征求意见答复日期";
  const csv = `${header}\n${caseNumber},${received},邮寄,自然人,陈未分,申请公开某项目批复文件,${plus(2)},${plus(9)}\n`;

  await signIn(page, { username: manager.username, password: "Manager-pass-1" });
  await page.goto("/cases/import");
  await page.getByLabel("台账文件（CSV 或 XLSX）").setInputFiles({ name: "台账.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByTestId("check-passed")).toContainText("共 1 件申请");
  const before = Date.now();
  await page.getByTestId("import-button").click();
  await expect(page.getByTestId("import-result")).toHaveText("已导入 1 件申请。");
  const after = Date.now();

  // No hourly run needed: the 工作台's 未分配 list and the notifications have it now.
  await page.goto("/");
  const unassigned = page.getByTestId("workbench-unassigned");
  await expect(unassigned).toContainText(caseNumber);
  await expect(unassigned).toContainText("已逾期");
  await page.goto("/notifications");
  const items = page.getByTestId("notification-item").filter({ hasText: caseNumber });
  await expect(items.filter({ hasText: "尚未分配经办人" })).toHaveCount(1);
  await expect(items.filter({ hasText: "已超过答复期限" })).toHaveCount(1);

  // The imported step was recorded at the import, Beijing time.
  await page.goto("/");
  await unassigned.getByRole("link", { name: caseNumber }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`案件 ${caseNumber}`);
  const timeline = page.locator("main");
  const shown = [beijingClock(before), beijingClock(after)];
  await expect(timeline).toContainText(new RegExp(`登记于 (${shown.join("|")})`));

  const secondContext = await browser.newContext();
  const secondPage = await secondContext.newPage();
  await signIn(secondPage, { username: second.username, password: "Manager-pass-2" });
  await expect(secondPage.getByTestId("workbench-unassigned")).toContainText(caseNumber);
  await secondContext.close();
});

test("an over-long 延期理由 is kept and refused in Chinese at the field; a long 申请内容 or name is counted, not cut; a missing applicant type is red and focused first", async ({ page }) => {
  test.setTimeout(120_000);
  const { createTestOrganization, createTestUser, actorFor } = await connectToE2eDatabase();
  const { registerApplication } = await import("../lib/cases/mutations");
  const { todayInShanghai } = await import("../lib/today");
  const today = todayInShanghai();
  const organization = await createTestOrganization("表单验收局");
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `clk-${organization.code}`, password: "Clerk-pass-1" });
  const registered = await registerApplication({
    actor: actorFor(clerk),
    input: { applicantType: "NATURAL_PERSON", applicantName: "延期测试人", channel: "IN_PERSON", receivedOn: today, requestContent: "申请公开本局年度预算执行情况" },
    today,
  });

  await signIn(page, { username: clerk.username, password: "Clerk-pass-1" });
  await page.goto(`/cases/${registered.id}`);
  // A clerk's 延期 is a request for a manager's approval (docs/decisions/0075).
  await page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: "申请延期", exact: true }).click();
  const form = page.getByTestId("step-form");
  const reason = form.getByLabel("延期理由");
  const long = "需要调取档案".repeat(1000).slice(0, 5000);
  await reason.fill(long);
  await expect(form.getByTestId("reason-count")).toHaveText("已输入 5000 字，超出上限 500 字，请删减 4500 字");
  await form.getByRole("button", { name: "提交申请", exact: true }).click();
  await expect(form.getByRole("alert")).toHaveText("输入有误：延期理由：最多 500 个字（现有 5000 个）");
  await expect(form.getByTestId("reason-error")).toHaveText("最多 500 个字（现有 5000 个）");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await expect(reason).toHaveValue(long);

  // A field left empty: our message, not the browser's bubble.
  await form.getByLabel("延长工作日数").fill("");
  await reason.fill("需要调取档案");
  await form.getByRole("button", { name: "提交申请", exact: true }).click();
  await expect(form.getByTestId("workdays-error")).toContainText("请填写延长的工作日数");

  await page.goto("/cases/new");
  const registration = page.getByTestId("registration-form");
  const content = "申".repeat(6000);
  await registration.getByLabel("申请内容").fill(content);
  await expect(registration.getByLabel("申请内容")).toHaveValue(content);
  await expect(registration.getByTestId("requestContent-count")).toHaveText("已输入 6000 字，超出上限 5000 字，请删减 1000 字");
  // A name pasted past its limit is kept whole and counted, not cut.
  const name = "名".repeat(120);
  await registration.getByLabel("申请人姓名或名称").fill(name);
  await expect(registration.getByLabel("申请人姓名或名称")).toHaveValue(name);
  await expect(registration.getByTestId("applicantName-count")).toHaveText("已输入 120 字，超出上限 100 字，请删减 20 字");

  // Sent without an applicant type: its message is in the errors' colour, and the focus goes to it first.
  await registration.getByLabel("申请内容").fill("申请公开本局 2025 年度行政处罚决定书");
  await registration.getByLabel("申请人姓名或名称").fill("");
  await registration.getByRole("button", { name: "登记", exact: true }).click();
  const typeError = registration.locator("#applicant-type-error");
  await expect(typeError).toHaveText("请选择申请人类型");
  await expect(registration.getByLabel("自然人", { exact: true })).toBeFocused();
  const colour = (locator: Locator) => locator.evaluate((element) => getComputedStyle(element).color);
  expect(await colour(typeError)).toBe(await colour(registration.locator(".field .error").first()));
});

test("the help page explains the rules and is one key away; the skip link goes past the header", async ({ page }) => {
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const organization = await createTestOrganization("说明验收局");
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `hlp-${organization.code}`, password: "Clerk-pass-1" });
  await signIn(page, { username: clerk.username, password: "Clerk-pass-1" });

  // The first Tab reaches the skip link, which moves the focus to the page's content.
  await page.keyboard.press("Tab");
  const skip = page.getByTestId("skip-link");
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();

  await page.keyboard.press("?");
  await expect(page).toHaveURL(/\/help#keys$/);
  const help = page.getByTestId("help-page");
  await expect(help.locator("#deadlines")).toContainText("20 个工作日");
  await expect(help.locator("#deadlines")).toContainText("条例第三十条");
  await expect(help.locator("#counting")).toContainText("一 + 二 = 总计 + 四");
  await expect(help.locator("#ledger tbody tr")).toHaveCount(27);

  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/cases\/new$/);
});

test("report text typed and left survives a reload: the draft saves itself, without overwriting a colleague", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const organization = await createTestOrganization("草稿验收局");
  const manager = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `rpt-${organization.code}`, password: "Manager-pass-1" });
  const colleague = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `rp2-${organization.code}`, password: "Manager-pass-2" });
  const year = new Date().getFullYear() - 1;

  await signIn(page, { username: manager.username, password: "Manager-pass-1" });
  await page.goto(`/reports/${year}`);
  const form = page.getByTestId("report-draft-form");
  await form.getByLabel("其他需要报告的事项").fill("本年度未发生其他需要报告的事项。");
  await expect(form.getByTestId("draft-autosave")).toContainText("已自动保存");
  await page.reload();
  await expect(page.getByTestId("report-draft-form").getByLabel("其他需要报告的事项")).toHaveValue("本年度未发生其他需要报告的事项。");

  // A colleague saves meanwhile: this page's next autosave is refused, says so, and keeps the text.
  const colleagueContext = await browser.newContext();
  const colleaguePage = await colleagueContext.newPage();
  await signIn(colleaguePage, { username: colleague.username, password: "Manager-pass-2" });
  await colleaguePage.goto(`/reports/${year}`);
  const colleagueForm = colleaguePage.getByTestId("report-draft-form");
  await colleagueForm.getByLabel("存在的主要问题及改进情况").fill("同事写的问题与改进。");
  await expect(colleagueForm.getByTestId("draft-autosave")).toContainText("已自动保存");
  await colleagueContext.close();

  const mine = page.getByTestId("report-draft-form");
  await mine.getByLabel("其他需要报告的事项").fill("我的修改。");
  await expect(mine.getByTestId("draft-autosave")).toContainText("已停止自动保存");
  await expect(mine.getByLabel("其他需要报告的事项")).toHaveValue("我的修改。");
  const { db } = await connectToE2eDatabase();
  const draft = await db.reportDraft.findUniqueOrThrow({ where: { organizationId_year: { organizationId: organization.id, year } } });
  expect(draft.sections).toMatchObject({ problems: "同事写的问题与改进。", other: "本年度未发生其他需要报告的事项。" });
});

test("a registration typed and left is there again after a reload, and gone once registered", async ({ page }) => {
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const organization = await createTestOrganization("登记草稿验收局");
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `drf-${organization.code}`, password: "Clerk-pass-1" });
  await signIn(page, { username: clerk.username, password: "Clerk-pass-1" });
  await page.goto("/cases/new");
  const registration = page.getByTestId("registration-form");
  await registration.getByLabel("自然人", { exact: true }).check();
  await registration.getByLabel("申请人姓名或名称").fill("草稿保留人");
  await registration.getByLabel("申请方式").selectOption("IN_PERSON");
  await registration.getByLabel("申请内容").fill("申请公开本局 2025 年度行政处罚决定书");
  await page.waitForTimeout(800);
  await page.reload();
  await expect(page.getByTestId("draft-restored")).toBeVisible();
  await expect(registration.getByLabel("申请人姓名或名称")).toHaveValue("草稿保留人");
  await expect(registration.getByLabel("申请内容")).toHaveValue("申请公开本局 2025 年度行政处罚决定书");
  await expect(registration.getByLabel("申请方式")).toHaveValue("IN_PERSON");
  await registration.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page).toHaveURL(/\/cases\/[^/?]+\?registered=1/);
  await page.goto("/cases/new");
  await expect(page.getByTestId("draft-restored")).toHaveCount(0);
  await expect(page.getByTestId("registration-form").getByLabel("申请人姓名或名称")).toHaveValue("");
});
