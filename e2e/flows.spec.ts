// Faster hands (issue 13), in Chromium: a 当场答复 registers and closes a case in one form; a clerk's
// extension request waits for a manager (the case keeps its due date and says 待负责人批准), the manager
// sees it on the 工作台 and approves it, and the clerk's case shows the new due date and the approver.
import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

test("当场答复: one form registers the case and closes it with its outcome", async ({ page }) => {
  test.setTimeout(120_000);
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const organization = await createTestOrganization("当场答复验收局");
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `sdr-${organization.code}`, password: "Clerk-pass-1" });

  await signIn(page, { username: clerk.username, password: "Clerk-pass-1" });
  await page.goto("/cases/new");
  const registration = page.getByTestId("registration-form");
  await registration.getByLabel("自然人", { exact: true }).check();
  await registration.getByLabel("申请人姓名或名称").fill("柜台申请人");
  await registration.getByLabel("申请方式").selectOption("IN_PERSON");
  await registration.getByLabel("申请内容").fill("申请查阅本局已主动公开的2025年度部门决算");
  await registration.getByTestId("same-day-reply").check();
  const reply = registration.getByTestId("same-day-reply-fields");
  // The reply date is the receipt date by default.
  await expect(reply.getByLabel("送达日期（邮寄以交邮之日为准）")).toHaveValue(await registration.getByLabel("收到申请日期").inputValue());
  await expect(reply.getByLabel("送达方式")).toHaveValue("直接送达");
  await reply.getByLabel("送达方式").fill("委托送达");
  await reply.getByLabel("第 1 项处理结果").selectOption("PARTIALLY_GRANTED");

  // The draft kept in this browser has the closing fields too: a reload gives them back.
  const draft = () => page.evaluate((key) => window.localStorage.getItem(key) ?? "", `gongkai-draft:registration:${clerk.id}`);
  await expect.poll(draft).toContain("委托送达");
  await expect.poll(draft).toContain('\\"disposition\\":\\"PARTIALLY_GRANTED\\"');
  await page.reload();
  await expect(registration.getByTestId("draft-restored")).toBeVisible();
  await expect(registration.getByTestId("same-day-reply")).toBeChecked();
  await expect(reply.getByLabel("送达方式")).toHaveValue("委托送达");
  await expect(reply.getByLabel("第 1 项处理结果")).toHaveValue("PARTIALLY_GRANTED");
  await expect(registration.getByLabel("申请人姓名或名称")).toHaveValue("柜台申请人");

  await registration.getByRole("button", { name: "登记并办结", exact: true }).click();

  await expect(page).toHaveURL(/\/cases\/[^/?]+\?registered=1/);
  await expect(page.getByTestId("case-phase")).toHaveText("已办结");
  await expect(page.getByTestId("case-outcome")).toHaveText("（二）部分公开");
  await expect(page.getByRole("group", { name: "可登记的步骤" })).toHaveCount(0);
  // Registered: the draft is gone.
  await expect.poll(draft).toBe("");
});

test("a clerk's extension waits for the manager's approval, then moves the due date with the manager as approver", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const { db, createTestOrganization, createTestUser, actorFor } = await connectToE2eDatabase();
  const { registerApplication } = await import("../lib/cases/mutations");
  const { saveLetterSettings } = await import("../lib/letters/mutations");
  const { todayInShanghai } = await import("../lib/today");
  const { isoDateFromDb } = await import("../lib/calendar/dates");
  const today = todayInShanghai();
  const organization = await createTestOrganization("延期审批验收局");
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `ext-c-${organization.code}`, password: "Clerk-pass-1" });
  const manager = await createTestUser({
    organizationId: organization.id,
    role: "MANAGER",
    username: `ext-m-${organization.code}`,
    password: "Manager-pass-1",
    displayName: "孙审批",
  });
  const { id, caseNumber } = await registerApplication({
    actor: actorFor(clerk),
    input: { applicantType: "NATURAL_PERSON", applicantName: "延期验收人", channel: "IN_PERSON", receivedOn: today, requestContent: "申请公开本局2025年度执法统计" },
    today,
  });
  const originalDue = isoDateFromDb((await db.application.findUniqueOrThrow({ where: { id } })).dueOn!);

  await signIn(page, { username: clerk.username, password: "Clerk-pass-1" });
  await page.goto(`/cases/${id}`);
  await page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: "申请延期", exact: true }).click();
  const form = page.getByTestId("step-form");
  await form.getByLabel("延长工作日数").fill("10");
  await form.getByLabel("延期理由").fill("需要调取归档材料");
  await form.getByRole("button", { name: "提交申请", exact: true }).click();
  const pending = page.getByTestId("extension-request-pending");
  await expect(pending).toContainText("待负责人批准");
  await expect(pending).toContainText("10 个工作日");
  const explanation = page.getByTestId("due-explanation");
  await expect(explanation).toContainText(`截止日期 ${originalDue}`);
  // The clerk cannot approve; there is no second request while this one waits.
  await expect(pending.getByRole("button", { name: "批准延期" })).toHaveCount(0);
  await expect(page.getByRole("group", { name: "可登记的步骤" }).getByRole("button", { name: "申请延期" })).toHaveCount(0);

  const managerContext = await browser.newContext();
  const managerPage = await managerContext.newPage();
  await signIn(managerPage, { username: manager.username, password: "Manager-pass-1" });
  const panel = managerPage.getByTestId("workbench-pending-extensions");
  await expect(panel).toContainText(caseNumber);
  await panel.getByRole("link", { name: caseNumber }).click();
  // 批准 asks once more, saying what it records; 取消 leaves the request waiting.
  await managerPage.getByTestId("extension-request-pending").getByRole("button", { name: "批准延期" }).click();
  const confirm = managerPage.getByTestId("extension-approve-confirm");
  await expect(confirm).toContainText(`在 ${originalDue} 的基础上延长 10 个工作日`);
  await confirm.getByRole("button", { name: "取消" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(managerPage.getByTestId("extension-request-pending")).toContainText("待负责人批准");
  await managerPage.getByTestId("extension-request-pending").getByRole("button", { name: "批准延期" }).click();
  await confirm.getByRole("button", { name: "确认批准" }).click();
  await expect(managerPage.getByRole("status").filter({ hasText: "已批准延期" })).toBeVisible();
  await managerContext.close();

  await page.reload();
  await expect(page.getByTestId("extension-request-pending")).toHaveCount(0);
  const extendedDue = isoDateFromDb((await db.application.findUniqueOrThrow({ where: { id } })).dueOn!);
  expect(extendedDue > originalDue).toBe(true);
  await expect(explanation).toContainText(`截止日期 ${extendedDue}`);
  await expect(explanation).toContainText("经孙审批同意");

  // The 延期答复告知书 states the approved extension, read-only: nothing to type that could differ from it.
  const admin = await createTestUser({ organizationId: organization.id, role: "ADMIN", username: `ext-a-${organization.code}`, password: "Admin-pass-1" });
  await saveLetterSettings({
    actor: actorFor(admin),
    input: {
      fullName: "示例市延期验收局",
      address: "示例市人民路1号",
      postalCode: "100000",
      telephone: "010-12345678",
      reviewOrgan: "示例市人民政府",
      court: "示例市中级人民法院",
      numberPatterns: {},
      version: 0,
    },
  });
  await page.goto(`/cases/${id}/letters/new?kind=EXTENSION_NOTICE`);
  await expect(page.getByTestId("recorded-extension")).toContainText("经孙审批同意");
  await expect(page.getByTestId("recorded-extension")).toContainText("延长答复期限 10 个工作日");
  await expect(page.getByLabel("延长工作日数")).toHaveCount(0);
  await page.getByRole("button", { name: "生成文书文字" }).click();
  await expect(page.getByLabel("文书正文")).toHaveValue(/因需要调取归档材料，.*答复期限延长10个工作日/);
});
