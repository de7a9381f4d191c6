// Batch actions and saved filters of the case list (issue 13), in Chromium at 1366×768: a manager
// selects 10 cases and gives them to a colleague, and the administrators' audit shows ONE batch entry
// listing the 10; a batch 答复办结 with one case awaiting 补正 applies nothing and names that case; a
// saved filter restores its filters after navigating away.
import { expect, test, type Page } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

const PASSWORD = "Batch-pass-2026";

async function arrange(name: string, count: number) {
  const { db, actorFor, createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const { registerApplication } = await import("../lib/cases/mutations");
  const { todayInShanghai } = await import("../lib/today");
  const today = todayInShanghai();
  const organization = await createTestOrganization(name);
  const user = (role: "CLERK" | "MANAGER" | "ADMIN", prefix: string, displayName: string) =>
    createTestUser({ organizationId: organization.id, role, username: `${prefix}-${organization.code}`, password: PASSWORD, displayName });
  const clerk = await user("CLERK", "clk", "周经办");
  const colleague = await user("CLERK", "col", "赵同事");
  const manager = await user("MANAGER", "mgr", "钱负责");
  const admin = await user("ADMIN", "adm", "孙管理");
  // Received a few days ago: every case may be answered today.
  const receivedOn = new Date(Date.parse(today) - 5 * 86_400_000).toISOString().slice(0, 10);
  const cases: { id: string; caseNumber: string }[] = [];
  for (let index = 0; index < count; index += 1) {
    const { id } = await registerApplication({
      actor: actorFor(clerk),
      input: { applicantType: "NATURAL_PERSON", applicantName: `批量申请人${index + 1}`, channel: "ONLINE", receivedOn, requestContent: "申请公开某路段改造工程的批复文件", handlerId: clerk.id },
      today,
    });
    cases.push(await db.application.findUniqueOrThrow({ where: { id }, select: { id: true, caseNumber: true } }));
  }
  return { db, today, clerk: actorFor(clerk), colleague, manager, admin, cases };
}

const account = (user: { username: string }) => ({ username: user.username, password: PASSWORD });

async function signOut(page: Page) {
  await page.context().clearCookies();
}

test("a manager reassigns 10 cases at once: one audited action listing the 10", async ({ page }) => {
  test.setTimeout(180_000);
  const { cases, manager, admin } = await arrange("批量分配验收局", 10);

  await signIn(page, account(manager));
  await page.goto("/cases");
  await expect(page.getByTestId("case-count")).toHaveText("10");
  const bar = page.getByTestId("batch-bar");
  // Ticking the page's box selects the 10; unticking one and ticking it again by its label.
  await page.getByLabel("选择本页全部案件").check();
  await expect(bar.getByTestId("batch-count")).toHaveText("已选择 10 件案件");
  await page.getByLabel(`选择案件 ${cases[0]!.caseNumber}`).uncheck();
  await expect(bar.getByTestId("batch-count")).toHaveText("已选择 9 件案件");
  await page.getByLabel(`选择案件 ${cases[0]!.caseNumber}`).check();
  await expect(bar.getByTestId("batch-count")).toHaveText("已选择 10 件案件");

  await bar.getByRole("button", { name: "批量分配经办人" }).click();
  const form = page.getByTestId("batch-reassign-form");
  await form.getByLabel("新经办人").selectOption({ label: "赵同事" });
  await form.getByRole("button", { name: "分配…" }).click();
  await expect(form.getByTestId("batch-confirm")).toContainText("确认将以下 10 件案件的经办人改为“赵同事”");
  await form.getByRole("button", { name: "确认分配 10 件" }).click();
  await expect(bar.getByTestId("batch-result")).toContainText("已批量分配经办人：共 10 件");
  await expect(bar.getByTestId("batch-count")).toContainText("勾选案件后可批量处理");
  for (const { caseNumber } of cases) await expect(page.getByTestId(`case-row-${caseNumber}`)).toContainText("赵同事");

  // A case's 操作记录 shows its part of the batch.
  await page.getByTestId(`case-link-${cases[3]!.caseNumber}`).click();
  await page.getByRole("tab", { name: "操作记录" }).click();
  await expect(page.getByTestId("case-audit-log")).toContainText("批量分配经办人（共 10 件）");

  // The administrators' audit: ONE batch entry, listing the 10 cases.
  await signOut(page);
  await signIn(page, account(admin));
  await page.goto("/settings/audit?action=application.batch_assign");
  await expect(page.getByTestId("audit-count")).toHaveText("1");
  const row = page.getByTestId("audit-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("批量分配经办人");
  await expect(row).toContainText("批量操作（10 件案件）");
  await row.locator("summary").click();
  const listed = row.getByTestId("change-caseNumbers");
  for (const { caseNumber } of cases) await expect(listed).toContainText(caseNumber);
  await expect(row.getByTestId("change-handlerId")).toContainText("赵同事");
});

test("a batch 答复办结 with one case awaiting 补正 applies nothing and names it", async ({ page }) => {
  test.setTimeout(180_000);
  const { db, today, clerk, cases } = await arrange("批量办结验收局", 3);
  const { recordCaseEvent } = await import("../lib/cases/mutations");
  const awaiting = cases[1]!;
  const deadline = new Date(Date.parse(today) + 10 * 86_400_000).toISOString().slice(0, 10);
  await recordCaseEvent({
    actor: clerk,
    applicationId: awaiting.id,
    input: { type: "CORRECTION_REQUESTED", occurredOn: today, details: { deadlineOn: deadline, matters: "请写明路段名称" } },
    expectedVersion: null,
    today,
  });

  await signIn(page, { username: clerk.username, password: PASSWORD });
  await page.goto("/cases");
  const bar = page.getByTestId("batch-bar");
  for (const { caseNumber } of cases) await page.getByLabel(`选择案件 ${caseNumber}`).check();
  await expect(bar.getByTestId("batch-count")).toHaveText("已选择 3 件案件");
  // A clerk records steps but does not reassign.
  await expect(bar.getByRole("button", { name: "批量分配经办人" })).toHaveCount(0);
  await bar.getByRole("button", { name: "批量答复办结" }).click();
  const form = page.getByTestId("batch-close-form");
  await form.getByLabel("处理结果").selectOption({ label: "本机关不掌握相关政府信息" });
  await expect(form.getByLabel("送达日期（邮寄以交邮之日为准）")).toHaveValue(today);
  await form.getByRole("button", { name: "办结…" }).click();
  await form.getByRole("button", { name: "确认办结 3 件" }).click();
  const refusal = bar.getByTestId("batch-result").getByRole("alert");
  await expect(refusal).toContainText("批量答复办结未执行，3 件案件均未更改");
  await expect(refusal).toContainText(`${awaiting.caseNumber}：案件正在等待补正`);
  for (const other of cases.filter((row) => row !== awaiting)) await expect(refusal).not.toContainText(`${other.caseNumber}：`);
  expect(await db.application.count({ where: { id: { in: cases.map((row) => row.id) }, status: "CLOSED" } })).toBe(0);

  // Without the refused case, the other two close.
  await page.getByLabel(`选择案件 ${awaiting.caseNumber}`).uncheck();
  await form.getByRole("button", { name: "办结…" }).click();
  await form.getByRole("button", { name: "确认办结 2 件" }).click();
  await expect(bar.getByTestId("batch-result")).toContainText("已批量答复办结：共 2 件（本机关不掌握相关政府信息）");
  for (const other of cases.filter((row) => row !== awaiting)) {
    await expect(page.getByTestId(`case-row-${other.caseNumber}`)).toContainText("本机关不掌握相关政府信息");
  }
  expect(await db.application.count({ where: { id: { in: cases.map((row) => row.id) }, status: "CLOSED" } })).toBe(2);
});

test("a saved filter restores its filters after navigation, and is the user's own", async ({ page }) => {
  test.setTimeout(120_000);
  const { manager, colleague } = await arrange("保存筛选验收局", 2);

  await signIn(page, account(manager));
  await page.goto("/cases?status=OPEN&sort=caseNumber.asc");
  const saved = page.getByTestId("saved-filters");
  await saved.getByLabel("保存当前筛选为").fill("办理中按编号");
  await saved.getByRole("button", { name: "保存当前筛选" }).click();
  await expect(saved.getByRole("link", { name: "办理中按编号" })).toBeVisible();
  // The same name again is refused beside the field.
  await saved.getByLabel("保存当前筛选为").fill("办理中按编号");
  await saved.getByRole("button", { name: "保存当前筛选" }).click();
  await expect(saved.getByTestId("saved-filter-name-error")).toHaveText("已有同名的筛选");

  await page.goto("/");
  await page.goto("/cases");
  await expect(page.getByLabel("办理状态")).toHaveValue("");
  await page.getByTestId("saved-filters").getByRole("link", { name: "办理中按编号" }).click();
  await expect(page).toHaveURL(/\/cases\?status=OPEN&sort=caseNumber\.asc$/);
  await expect(page.getByLabel("办理状态")).toHaveValue("OPEN");

  // Another user does not see it; its owner deletes it.
  await signOut(page);
  await signIn(page, account(colleague));
  await page.goto("/cases");
  await expect(page.getByTestId("saved-filters").getByRole("link", { name: "办理中按编号" })).toHaveCount(0);
  await signOut(page);
  await signIn(page, account(manager));
  await page.goto("/cases");
  await page.getByRole("button", { name: "删除筛选 办理中按编号" }).click();
  await expect(page.getByTestId("saved-filters").getByRole("link", { name: "办理中按编号" })).toHaveCount(0);
});
