// Over HTTP, an administrator of the demo organization can read or change nothing of another
// organization, whatever id they put in the URL or in a form.
import { expect, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";

test("another organization's user is not found by URL and cannot be changed by a tampered form", async ({ page }) => {
  const { db, createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const otherOrganization = await createTestOrganization("乙区司法局");
  const otherUser = await createTestUser({ organizationId: otherOrganization.id, role: "CLERK", displayName: "乙区登记员" });
  const demoClerk = await db.user.findUniqueOrThrow({ where: { username: DEMO.clerk.username } });

  await signIn(page, DEMO.admin);

  // Reading by URL: the own organization's user page opens, the other organization's is a 404.
  expect((await page.request.get(`/settings/users/${demoClerk.id}`)).status()).toBe(200);
  const foreign = await page.request.get(`/settings/users/${otherUser.id}`);
  expect(foreign.status()).toBe(404);
  expect(await foreign.text()).not.toContain("乙区登记员");
  await page.goto("/settings/users");
  await expect(page.getByText("乙区登记员")).toHaveCount(0);

  // Changing through a form whose hidden user id was swapped for the other organization's.
  await page.goto(`/settings/users/${demoClerk.id}`);
  const roleForm = page.locator("form").filter({ has: page.locator('select[name="role"]') });
  await roleForm.locator('input[name="userId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), otherUser.id);
  await roleForm.locator('select[name="role"]').selectOption("ADMIN");
  await roleForm.locator('button[type="submit"]').click();
  await expect(roleForm.getByRole("alert")).toHaveText("未找到该用户");

  const after = await db.user.findUniqueOrThrow({ where: { id: otherUser.id } });
  expect(after.role).toBe("CLERK");
  expect(after.sessionVersion).toBe(otherUser.sessionVersion);
});
