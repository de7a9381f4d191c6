import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

test("the 2026 calendar shows the Spring Festival holiday and its make-up working days", async ({ page }) => {
  await signIn(page, DEMO.clerk);
  await page.goto("/settings/calendar?year=2026");
  await expect(page.getByTestId("year-status")).toHaveAttribute("data-confirmed", "true");
  await expect(page.getByTestId("day-2026-02-13")).toHaveAttribute("data-kind", "workday");
  await expect(page.getByTestId("day-2026-02-14")).toHaveAttribute("data-kind", "makeup-workday");
  await expect(page.getByTestId("day-2026-02-16")).toHaveAttribute("data-kind", "holiday");
  await expect(page.getByTestId("day-2026-02-28")).toHaveAttribute("data-kind", "makeup-workday");
  await expect(page.getByTestId("day-2026-03-01")).toHaveAttribute("data-kind", "rest");
  // A clerk reads the calendar but cannot change it.
  await expect(page.getByTestId("calendar-year-form")).toHaveCount(0);
  await page.goto("/settings/calendar?year=2026&date=2026-03-02");
  await expect(page.getByTestId("calendar-day-form")).toHaveCount(0);
});

test("an organization's administrator reads the calendar but cannot change it", async ({ page }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/calendar?year=2027&date=2027-01-01");
  await expect(page.getByTestId("year-status")).toBeVisible();
  await expect(page.getByTestId("calendar-day-form")).toHaveCount(0);
  await expect(page.getByTestId("calendar-year-form")).toHaveCount(0);
  await expect(page.getByTestId("calendar-history")).toBeVisible();
});

test("an operator enters next year's arrangement and confirms the year; administrators see who did it", async ({ page, browser }) => {
  const { createTestOperator } = await connectToE2eDatabase();
  const { generateTotpSecret } = await import("../lib/auth/totp");
  const totpSecret = generateTotpSecret();
  const operator = await createTestOperator({ username: "operator-calendar", password: "Operator-pass-2026", totpSecret, displayName: "日历管理员" });
  await signIn(page, { username: operator.username, password: "Operator-pass-2026", totpSecret });
  await expect(page.getByTestId("organization-name")).toHaveText("系统管理（全部机构）");

  // The operator creates an organization with its first administrator.
  await expect(page).toHaveURL(/\/operator$/);
  const organizationForm = page.getByTestId("create-organization-form");
  await organizationForm.getByLabel("机构代码", { exact: true }).fill("sfj-calendar");
  await organizationForm.getByLabel("机构名称").fill("日历测试司法局");
  await organizationForm.getByLabel("管理员用户名").fill("admin-calendar");
  await organizationForm.getByLabel("管理员姓名").fill("周管理");
  await organizationForm.getByLabel("初始密码").fill("Calendar-admin-2026");
  await organizationForm.getByRole("button", { name: "创建机构" }).click();
  await expect(organizationForm.getByRole("status")).toContainText("已创建机构 sfj-calendar");
  await expect(page.getByTestId("organization-sfj-calendar")).toContainText("要求");
  await page.goto("/settings/calendar?year=2027");
  await expect(page.getByTestId("year-status")).toHaveAttribute("data-confirmed", "false");
  // 2027-01-01 is a Friday: without an arrangement, 元旦 is a provisional day off (rules.md §4), and so is
  // Monday 8 February (春节, 初三); other weekdays count as working days.
  await expect(page.getByTestId("day-2027-01-01")).toHaveAttribute("data-kind", "provisional-holiday");
  await expect(page.getByTestId("day-2027-01-01")).toHaveAttribute("title", "元旦（暂定）");
  await expect(page.getByTestId("day-2027-02-08")).toHaveAttribute("data-kind", "provisional-holiday");
  await expect(page.getByTestId("day-2027-02-09")).toHaveAttribute("data-kind", "workday");
  await expect(page.getByTestId("year-status")).toContainText("暂按放假计算");

  await page.goto("/settings/calendar?year=2027&date=2027-01-01");
  const dayForm = page.getByTestId("calendar-day-form");
  await dayForm.getByRole("radio", { name: /法定节假日/ }).check();
  await dayForm.getByLabel("说明").fill("元旦放假");
  await dayForm.getByRole("button", { name: "保存" }).click();
  await expect(page.getByTestId("day-2027-01-01")).toHaveAttribute("data-kind", "holiday");

  // A holiday needs its note: refused in Chinese.
  await page.goto("/settings/calendar?year=2027&date=2027-02-08");
  await dayForm.getByRole("radio", { name: /法定节假日/ }).check();
  await dayForm.getByLabel("说明").fill("");
  await dayForm.getByRole("button", { name: "保存" }).click();
  await expect(dayForm.getByRole("alert")).toBeVisible();
  await expect(page.getByTestId("day-2027-02-08")).toHaveAttribute("data-kind", "provisional-holiday");

  const yearForm = page.getByTestId("calendar-year-form");
  await yearForm.getByRole("checkbox").check();
  await yearForm.getByLabel("依据文件").fill("国务院办公厅关于2027年部分节假日安排的通知");
  await yearForm.getByRole("button", { name: "保存状态" }).click();
  await expect(page.getByTestId("year-status")).toHaveAttribute("data-confirmed", "true");
  // Confirmed: only the entered dates depart from the weekday rule.
  await expect(page.getByTestId("day-2027-02-08")).toHaveAttribute("data-kind", "workday");

  // An organization's administrator sees the change with who made it and when.
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, DEMO.admin);
  await adminPage.goto("/settings/calendar?year=2027");
  await expect(adminPage.getByTestId("day-2027-01-01")).toHaveAttribute("data-kind", "holiday");
  await expect(adminPage.getByTestId("calendar-change-2027-01-01")).toContainText("日历管理员（系统管理员）");
  await expect(adminPage.getByTestId("calendar-change-2027")).toContainText("确认全年安排");
  await adminContext.close();
});
