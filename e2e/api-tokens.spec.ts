// An administrator creates an API token, a script reads the organization's report with it (and
// nothing of another organization), and the token stops working once revoked.
import { expect, request, test } from "@playwright/test";
import { connectToE2eDatabase, DEMO, signIn } from "./fixtures";
import { E2E_BASE_URL } from "./environment";

test("an API token reads its organization's report and nothing else, and stops working when revoked", async ({ page }) => {
  const { db, createTestOrganization } = await connectToE2eDatabase();
  const other = await createTestOrganization("令牌之外的机构");

  await signIn(page, DEMO.admin);
  await page.goto("/settings/api-tokens");
  const form = page.getByTestId("create-api-token-form");
  await form.getByLabel("用途").fill("市政府年度报告汇总");
  await form.getByRole("button", { name: "创建令牌" }).click();
  const token = (await page.getByTestId("new-api-token").textContent())!.trim();
  expect(token).toMatch(/^gk_[A-Za-z0-9_-]{43}$/);
  // Shown once: the list shows only its first characters.
  await page.reload();
  await expect(page.getByTestId("new-api-token")).toHaveCount(0);
  await expect(page.getByTestId(`api-token-${token.slice(0, 10)}`)).toContainText("有效");

  // A script, without any cookie.
  const script = await request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const own = await script.get("/api/v1/orgs/demo/reports/2025?format=2021");
  expect(own.status()).toBe(200);
  expect(await own.json()).toMatchObject({ org: "demo", year: 2025, format: "2021" });
  expect(own.headers()["x-content-type-options"]).toBe("nosniff");
  expect((await script.get(`/api/v1/orgs/${other.code}/reports/2025`)).status()).toBe(404);
  // Read-only: nothing else answers to it.
  expect((await script.post("/api/v1/orgs/demo/reports/2025")).status()).toBe(405);
  expect((await script.get("/cases/export?format=csv", { maxRedirects: 0 })).status()).not.toBe(200);

  const token_ = await db.apiToken.findFirstOrThrow({ where: { tokenPrefix: token.slice(0, 10) } });
  expect(await db.auditEvent.count({ where: { entityId: token_.id, action: "api_token.use" } })).toBe(2);

  await page.getByTestId(`api-token-${token.slice(0, 10)}`).getByRole("button", { name: "吊销" }).click();
  await expect(page.getByTestId(`api-token-${token.slice(0, 10)}`)).toContainText("已吊销");
  const revoked = await script.get("/api/v1/orgs/demo/reports/2025");
  expect(revoked.status()).toBe(401);
  await script.dispose();
});
