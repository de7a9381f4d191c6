import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./fixtures";

async function tryPassword(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("an administrator creates, disables, re-enables and resets the password of a user", async ({ page, browser }) => {
  await signIn(page, DEMO.admin);
  await page.goto("/settings/users");

  const createForm = page.getByTestId("create-user-form");
  await createForm.getByLabel("用户名").fill("zhao.xin");
  await createForm.getByLabel("姓名").fill("赵新");
  await createForm.getByLabel("角色").selectOption("MANAGER");
  await createForm.getByLabel("初始密码").fill("Zhaoxin-pass-1");
  await createForm.getByLabel("确认密码").fill("Zhaoxin-pass-1");
  await createForm.getByRole("button", { name: "创建用户" }).click();
  await expect(createForm.getByRole("status")).toHaveText("已创建用户");
  await expect(page.getByTestId("user-row-zhao.xin")).toContainText("负责人");

  // A username already taken is refused in Chinese and the form keeps what was typed.
  await createForm.getByLabel("用户名").fill("zhao.xin");
  await createForm.getByLabel("姓名").fill("赵新二");
  await createForm.getByLabel("初始密码").fill("Zhaoxin-pass-2");
  await createForm.getByLabel("确认密码").fill("Zhaoxin-pass-2");
  await createForm.getByRole("button", { name: "创建用户" }).click();
  await expect(createForm.getByRole("alert")).toHaveText("该用户名已被使用");
  await expect(createForm.getByLabel("姓名")).toHaveValue("赵新二");

  // The new user can sign in.
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  await signIn(userPage, { username: "zhao.xin", password: "Zhaoxin-pass-1" });
  await expect(userPage.getByTestId("current-user")).toContainText("赵新");
  // The administrator chose that password: the user is asked for their own before anything else.
  await expect(userPage).toHaveURL(/\/account$/);
  await expect(userPage.getByTestId("pending-step")).toBeVisible();
  await userPage.goto("/cases");
  await expect(userPage).toHaveURL(/\/account$/);

  // Disabling ends the open session and refuses sign-in.
  await page.getByTestId("user-row-zhao.xin").getByRole("link").first().click();
  await page.getByTestId("confirm-disable").check();
  await page.getByRole("button", { name: "停用账户" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已停用账户" })).toBeVisible();
  await userPage.goto("/");
  await expect(userPage).toHaveURL(/\/login/);
  await tryPassword(userPage, "zhao.xin", "Zhaoxin-pass-1");
  // The same answer as a wrong password: nothing tells a disabled account apart.
  await expect(userPage.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");

  // Re-enabled with a new password: the old one no longer works, the new one does.
  await page.getByRole("button", { name: "启用账户" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已启用账户" })).toBeVisible();
  const resetForm = page.getByTestId("reset-password-form");
  await resetForm.getByLabel("新密码").fill("Zhaoxin-new-2");
  await resetForm.getByLabel("确认密码").fill("Zhaoxin-new-2");
  await resetForm.getByRole("button").click();
  await expect(resetForm.getByRole("status")).toContainText("已重置密码");
  await tryPassword(userPage, "zhao.xin", "Zhaoxin-pass-1");
  await expect(userPage.locator("form").getByRole("alert")).toHaveText("用户名或密码错误");
  await signIn(userPage, { username: "zhao.xin", password: "Zhaoxin-new-2" });
  await expect(userPage.getByTestId("pending-step")).toBeVisible();

  // The user sets their own password; then the system opens.
  const changeForm = userPage.getByTestId("change-password-form");
  await changeForm.getByLabel("当前密码").fill("Zhaoxin-new-2");
  await changeForm.getByLabel("新密码").fill("Zhao-own-pass-2026");
  await changeForm.getByLabel("确认密码").fill("Zhao-own-pass-2026");
  await changeForm.getByRole("button", { name: "修改密码" }).click();
  await expect(changeForm.getByRole("status")).toContainText("已修改密码");
  await userPage.goto("/cases");
  await expect(userPage).toHaveURL(/\/cases$/);
  await userContext.close();
});
