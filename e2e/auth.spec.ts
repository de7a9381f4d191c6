import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./fixtures";

test("a wrong password is answered in Chinese and keeps the user on the sign-in page", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(DEMO.clerk.username);
  await page.getByLabel("密码").fill("Wrong-password-1");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("the demo clerk signs in, sees the shell, and signs out", async ({ page }) => {
  await signIn(page, DEMO.clerk);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("organization-name")).toHaveText("示例市司法局");
  await expect(page.getByTestId("current-user")).toContainText(DEMO.clerk.displayName);
  await expect(page.getByTestId("current-user")).toContainText("登记员");
  const navigation = page.getByRole("navigation", { name: "主导航" });
  for (const label of ["工作台", "案件台账", "登记申请", "统计报表", "设置"]) {
    await expect(navigation.getByRole("link", { name: label })).toBeVisible();
  }

  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fsettings/);
});

test("a page asked for before sign-in opens after sign-in", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/callbackUrl/);
  await page.getByLabel("用户名").fill(DEMO.manager.username);
  await page.getByLabel("密码").fill(DEMO.manager.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "设置" })).toBeVisible();
});

test("a clerk cannot open the administration pages", async ({ page }) => {
  await signIn(page, DEMO.clerk);
  await page.goto("/settings/users");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("alert").filter({ hasText: "您的角色无权访问该页面" })).toBeVisible();
});
