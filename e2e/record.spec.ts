// The record stays right (issue 8), in the browser: a clerk corrects the applicant type of a case that a
// published report counts and the report page shows the difference; a manager voids a duplicate and it
// leaves the list and the report, found again under 已作废; a form loaded before a colleague's step is
// refused in Chinese and keeps what was typed. Runs in an organization of its own, so that the demo
// organization's figures (other specs) do not move.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

const TODAY = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const PASSWORD = "Record-e2e-2026";

async function arrange() {
  const { db, createTestOrganization, createTestUser, actorFor } = await connectToE2eDatabase();
  const organization = await createTestOrganization("更正作废测试局");
  const user = async (role: "CLERK" | "MANAGER", displayName: string) => {
    const row = await createTestUser({ organizationId: organization.id, role, displayName, password: PASSWORD });
    return { actor: actorFor(row), login: { username: row.username, password: PASSWORD } };
  };
  return { db, clerk: await user("CLERK", "王更正"), otherClerk: await user("CLERK", "赵同事"), manager: await user("MANAGER", "李负责") };
}

async function newSignedInPage(browser: Browser, login: { username: string; password: string }): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, login);
  return page;
}

test("a clerk corrects the applicant type of a case counted in a published report; the report shows the difference", async ({ page, browser }) => {
  const { clerk, manager } = await arrange();
  const { registerApplication, recordCaseEvent } = await import("../lib/cases/mutations");
  const { publishReport } = await import("../lib/reports/publication");
  const registered = await registerApplication({
    actor: clerk.actor,
    input: { applicantType: "NATURAL_PERSON", applicantName: "某律师事务所", channel: "ONLINE", receivedOn: "2025-03-03", requestContent: "申请公开2024年度律师行业检查结果" },
    today: TODAY,
  });
  await recordCaseEvent({
    actor: clerk.actor,
    applicationId: registered.id,
    input: { type: "DECISION_SERVED", occurredOn: "2025-03-20", details: { serviceMethod: "邮寄", items: [{ description: "全部", disposition: "GRANTED" }] } },
    expectedVersion: null,
    today: TODAY,
  });
  await publishReport({ actor: manager.actor, input: { year: 2025, format: "2021" } });

  await signIn(page, clerk.login);
  await page.goto(`/cases/${registered.id}`);
  await page.getByTestId("edit-registration").click();
  const form = page.getByTestId("registration-edit-form");
  await expect(form.getByTestId("case-number-stays")).toContainText(`案件编号 ${registered.caseNumber} 不随登记信息的修改而改变`);
  await expect(form.getByTestId("published-report-warning")).toContainText("2025 年度报告（第 1 版）");
  await form.getByLabel("法律服务机构", { exact: true }).check();
  await form.getByLabel("修改理由").fill("申请人为律师事务所，登记时误选自然人");
  // Without confirming the warning nothing is saved.
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(form.getByRole("alert")).toContainText("请确认");
  await form.getByTestId("acknowledge-published").check();
  await form.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${registered.id}\\?updated=1`));
  await expect(page.getByTestId("registration-updated")).toContainText("2025 年度报告（第 1 版）");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`案件 ${registered.caseNumber}`);

  const managerPage = await newSignedInPage(browser, manager.login);
  await managerPage.goto("/reports/2025");
  await expect(managerPage.getByTestId("report-status")).toContainText("已发布第 1 版");
  const before = managerPage.getByTestId("difference-applications.granted.natural_person");
  await expect(before.locator("td").nth(1)).toHaveText("1");
  await expect(before.locator("td").nth(2)).toHaveText("0");
  const after = managerPage.getByTestId("difference-applications.granted.legal_service_org");
  await expect(after.locator("td").nth(1)).toHaveText("0");
  await expect(after.locator("td").nth(2)).toHaveText("1");
});

test("a manager voids a duplicate: it leaves the list and the report, and is found under 已作废", async ({ page }) => {
  const { manager, clerk } = await arrange();
  const { registerApplication } = await import("../lib/cases/mutations");
  const input = { applicantType: "NATURAL_PERSON", applicantName: "周重复", channel: "IN_PERSON", receivedOn: "2026-03-02", requestContent: "申请公开2025年度行政复议案件统计" };
  const original = await registerApplication({ actor: clerk.actor, input, today: TODAY });
  const duplicate = await registerApplication({ actor: clerk.actor, input, today: TODAY });

  await signIn(page, manager.login);
  await page.goto("/reports/2026");
  await page.getByTestId("cell-applications.new_received.total").click();
  await expect(page.getByTestId("cell-case-count")).toHaveText("共 2 件");

  await page.goto(`/cases/${duplicate.id}`);
  await page.getByTestId("void-open").click();
  const form = page.getByTestId("void-form");
  await form.getByRole("button", { name: "重复登记", exact: true }).click();
  await form.getByLabel("作废理由").fill(`与 ${original.caseNumber} 重复登记`);
  await form.getByRole("button", { name: "确认作废" }).click();
  await expect(page.getByTestId("void-banner")).toContainText(`理由：与 ${original.caseNumber} 重复登记`);
  await expect(page.getByTestId("case-voided")).toHaveText("已作废");
  await expect(page.getByRole("group", { name: "可登记的步骤" })).toHaveCount(0);

  await page.goto("/cases");
  await expect(page.getByTestId(`case-row-${original.caseNumber}`)).toBeVisible();
  await expect(page.getByTestId(`case-row-${duplicate.caseNumber}`)).toHaveCount(0);
  await expect(page.getByTestId("case-count")).toHaveText("1");
  await page.getByTestId("case-quick-voided").click();
  await expect(page.getByTestId(`case-row-${duplicate.caseNumber}`)).toBeVisible();
  await expect(page.getByTestId(`case-row-${original.caseNumber}`)).toHaveCount(0);
  await expect(page.getByTestId("case-export-csv")).toHaveCount(0);

  await page.goto("/reports/2026");
  await page.getByTestId("cell-applications.new_received.total").click();
  await expect(page.getByTestId("cell-case-count")).toHaveText("共 1 件");
  await expect(page.getByTestId(`cell-case-${original.caseNumber}`)).toBeVisible();
  await expect(page.getByTestId(`cell-case-${duplicate.caseNumber}`)).toHaveCount(0);
});

test("a form loaded before a colleague's step is refused in Chinese and keeps what was typed", async ({ page, browser }) => {
  const { clerk, otherClerk } = await arrange();
  const { registerApplication } = await import("../lib/cases/mutations");
  const registered = await registerApplication({
    actor: clerk.actor,
    input: { applicantType: "NATURAL_PERSON", applicantName: "吴并发", channel: "ONLINE", receivedOn: "2026-03-02", requestContent: "申请公开2025年度公证机构年检结果" },
    today: TODAY,
  });

  // Both open the case; the colleague records a 补正 notice first.
  await signIn(page, clerk.login);
  await page.goto(`/cases/${registered.id}`);
  const colleague = await newSignedInPage(browser, otherClerk.login);
  await colleague.goto(`/cases/${registered.id}`);
  await colleague.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: "补正告知", exact: true }).click();
  const colleagueForm = colleague.getByTestId("step-form");
  await colleagueForm.getByLabel("补正告知日期").fill("2026-03-04");
  await colleagueForm.getByLabel("补正期限").fill("2026-03-18");
  await colleagueForm.getByLabel("需要补正的事项").fill("请明确所需年检结果的公证机构");
  await colleagueForm.getByRole("button", { name: "登记", exact: true }).click();
  await expect(colleague.getByTestId("case-phase")).toHaveText("等待补正");

  // The first page still shows the case as it was: its withdrawal is refused, the text stays.
  await page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: "申请人撤回", exact: true }).click();
  const form = page.getByTestId("step-form");
  await form.getByLabel("撤回日期").fill("2026-03-05");
  await form.getByLabel("撤回说明").fill("申请人来电表示已通过其他途径获取");
  await form.getByRole("button", { name: "登记", exact: true }).click();
  const refusal = form.getByRole("alert");
  await expect(refusal).toContainText("该案件已于");
  await expect(refusal).toContainText("被 赵同事 修改（登记办理步骤：补正告知），请刷新后重试");
  await expect(form.getByLabel("撤回说明")).toHaveValue("申请人来电表示已通过其他途径获取");
  await expect(page.getByTestId("case-phase")).toHaveText("办理中");

  // Refreshing the page's data keeps the text; sent again, the withdrawal is recorded on top of the 补正.
  await refusal.getByTestId("stale-refresh").click();
  await expect(page.getByTestId("case-phase")).toHaveText("等待补正");
  await expect(form.getByLabel("撤回说明")).toHaveValue("申请人来电表示已通过其他途径获取");
  await form.getByRole("button", { name: "登记", exact: true }).click();
  await expect(page.getByTestId("case-phase")).toHaveText("已办结");
});
