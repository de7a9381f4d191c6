// A manager works a case from registration to decision (recording the extension directly, as a manager
// may: a clerk's extension waits for approval, e2e/flows.spec.ts); the due date and its explanation follow
// every step; the case is then found in the case list by filter and by a Chinese search word.
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./fixtures";

async function recordStep(page: Page, button: string, fill: (form: ReturnType<Page["getByTestId"]>) => Promise<void>) {
  await page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: button, exact: true }).click();
  const form = page.getByTestId("step-form");
  await fill(form);
  await form.getByRole("button", { name: "登记", exact: true }).click();
}

test("register, 补正, supplement, extension and decision, with the due date explained at each step", async ({ page }) => {
  await signIn(page, DEMO.manager);
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "登记申请" }).click();

  const registration = page.getByTestId("registration-form");
  await registration.getByLabel("自然人", { exact: true }).check();
  await registration.getByLabel("申请人姓名或名称").fill("陈晓明");
  await registration.getByLabel("申请方式").selectOption("IN_PERSON");
  await registration.getByLabel("收到申请日期").fill("2026-03-02");
  await registration.getByLabel("申请内容").fill("申请公开2025年度律师事务所年度考核结果");
  await registration.getByRole("button", { name: "登记", exact: true }).click();

  await expect(page).toHaveURL(/\/cases\/[^/?]+\?registered=1/);
  const caseNumber = (await page.getByRole("heading", { level: 1 }).textContent())!.replace("案件 ", "").trim();
  expect(caseNumber).toMatch(/^GK-2026-\d{6}$/);
  const explanation = page.getByTestId("due-explanation");
  // 2026-03-02 + 20 working days.
  await expect(explanation).toContainText("截止日期 2026-03-30");

  await recordStep(page, "补正告知", async (form) => {
    await form.getByLabel("补正告知日期").fill("2026-03-04");
    await form.getByLabel("补正期限").fill("2026-03-18");
    await form.getByLabel("需要补正的事项").fill("请明确所需考核结果的律师事务所名称");
  });
  await expect(page.getByTestId("case-phase")).toHaveText("等待补正");
  await expect(explanation).toContainText("发出补正告知");
  await expect(page.getByTestId("due-badge")).toHaveText("暂停计时");

  await recordStep(page, "收到补正", async (form) => {
    await form.getByLabel("收到补正日期").fill("2026-03-10");
  });
  await expect(page.getByTestId("case-phase")).toHaveText("办理中");
  // A new 20-working-day period from the supplement.
  await expect(explanation).toContainText("截止日期 2026-04-08");

  // An extension notified after the due date is refused, in Chinese, and nothing changes.
  await recordStep(page, "延期", async (form) => {
    await form.getByLabel("告知申请人延期的日期").fill("2026-04-20");
    await form.getByLabel("批准人").fill("李主任");
    await form.getByLabel("批准日期").fill("2026-04-17");
    await form.getByLabel("延期理由").fill("需要调取档案");
  });
  await expect(page.getByTestId("step-form").getByRole("alert")).toHaveText(
    "延期须在答复期限届满（2026-04-08）前告知申请人，现已逾期，不能延期",
  );
  await expect(explanation).toContainText("截止日期 2026-04-08");

  const stepForm = page.getByTestId("step-form");
  await stepForm.getByLabel("告知申请人延期的日期").fill("2026-04-01");
  await stepForm.getByLabel("批准日期").fill("2026-03-31");
  await stepForm.getByRole("button", { name: "登记", exact: true }).click();
  // 20 more working days: 劳动节 skipped, the 调休 Saturday 2026-05-09 counted.
  await expect(explanation).toContainText("截止日期 2026-05-09");
  await expect(explanation).toContainText("延长的 20 个工作日");

  await recordStep(page, "答复办结", async (form) => {
    await form.getByLabel("送达日期（邮寄以交邮之日为准）").fill("2026-04-20");
    await form.getByLabel("第 1 项处理结果").selectOption("GRANTED");
  });
  await expect(page.getByTestId("case-phase")).toHaveText("已办结");
  await expect(page.getByTestId("case-outcome")).toContainText("予以公开");
  await expect(page.getByRole("group", { name: "可登记的步骤" })).toHaveCount(0);

  // Found in the list by a Chinese search word…
  await page.goto(`/cases?q=${encodeURIComponent("律师事务所")}`);
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toBeVisible();
  // …and by filters, and not by a filter that excludes it.
  await page.goto("/cases?status=CLOSED&applicantType=NATURAL_PERSON&outcome=GRANTED&receivedFrom=2026-03-01&receivedTo=2026-03-31");
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toBeVisible();
  await page.goto("/cases?status=OPEN");
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toHaveCount(0);
  await expect(page.getByTestId("ignored-filters")).toHaveCount(0);
  // A date no calendar has (a hand-edited address) is not used, and the list says so.
  await page.goto("/cases?status=CLOSED&receivedFrom=2026-13-01");
  await expect(page.getByTestId("ignored-filters")).toContainText("收到日期起“2026-13-01”");
  await expect(page.getByTestId(`case-row-${caseNumber}`)).toBeVisible();
});
