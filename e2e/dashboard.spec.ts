// On seeded data (the sample ledger imported into a fresh organization): every number on the manager's
// dashboard equals the count of the case list it links to; a case made overdue appears in the clerk's
// 工作台 and in the notifications.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

async function compareMetricsWithCaseList(page: Page, dashboardPath: string) {
  await page.goto(dashboardPath);
  const metrics = page.locator('[data-testid^="metric-"][data-href]');
  const links = await metrics.evaluateAll((elements) =>
    elements.map((element) => ({
      name: element.getAttribute("data-testid"),
      href: element.getAttribute("data-href")!,
      count: Number(element.textContent?.trim()),
    })),
  );
  expect(links.length).toBeGreaterThan(20);
  for (const link of links) {
    await page.goto(link.href);
    await expect(page.getByTestId("case-count"), `${link.name} → ${link.href}`).toHaveText(String(link.count));
  }
}

test("every dashboard number equals its case list; an overdue case reaches the workbench and the notifications", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const { db, createTestOrganization, createTestUser, actorFor } = await connectToE2eDatabase();
  const { importLedger } = await import("../lib/cases/ledger-import-store");
  const { registerApplication } = await import("../lib/cases/mutations");
  const { generateNotifications } = await import("../lib/notifications/generate");
  const { loadWorkCalendar } = await import("../lib/calendar/queries");
  const { todayInShanghai } = await import("../lib/today");
  const today = todayInShanghai();

  const organization = await createTestOrganization("看板测试局");
  const manager = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `mgr-${organization.code}`, password: "Manager-pass-1" });
  const clerk = await createTestUser({ organizationId: organization.id, role: "CLERK", username: `clk-${organization.code}`, password: "Clerk-pass-1" });
  const imported = await importLedger({
    organizationCode: organization.code,
    file: { name: "ledger-sample.csv", bytes: await readFile("tests/fixtures/ledger-sample.csv") },
    today,
  });
  expect(imported.ok).toBe(true);

  // A case received long ago and never answered: overdue, handled by the clerk.
  const overdue = await registerApplication({
    actor: actorFor(clerk),
    input: { applicantType: "NATURAL_PERSON", applicantName: "逾期测试人", channel: "IN_PERSON", receivedOn: `${today.slice(0, 4)}-01-05`, requestContent: "申请公开本局年度预算执行情况" },
    today,
  });
  await generateNotifications({ today, calendar: await loadWorkCalendar() });

  await signIn(page, { username: manager.username, password: "Manager-pass-1" });
  await compareMetricsWithCaseList(page, "/dashboard?period=2024");
  await compareMetricsWithCaseList(page, "/dashboard");

  const clerkContext = await browser.newContext();
  const clerkPage = await clerkContext.newPage();
  await signIn(clerkPage, { username: clerk.username, password: "Clerk-pass-1" });
  await expect(clerkPage.getByTestId("workbench-overdue")).toContainText(overdue.caseNumber);
  await expect(clerkPage.getByTestId("notification-unread-count")).not.toHaveText("0");
  await clerkPage.getByTestId("notification-bell").click();
  await expect(clerkPage.getByTestId("notification-list")).toContainText(overdue.caseNumber);
  await clerkContext.close();

  const stored = await db.notification.findMany({ where: { applicationId: overdue.id, kind: "OVERDUE" }, select: { userId: true } });
  expect(stored.map((row) => row.userId)).toContain(clerk.id);
});
