// A manager of an organization that requires a second factor enrols an authenticator at the first
// sign-in (QR code, code, recovery codes), then signs in with a generated code and with a recovery code.
import { expect, test, type Page } from "@playwright/test";
import { connectToE2eDatabase, signIn } from "./fixtures";

async function signInWithPassword(page: Page, username: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(password);
  await page.getByRole("button", { name: "登录" }).click();
}

test("TOTP: enrolment when required, then sign-in with a code and with a recovery code", async ({ page }) => {
  const { createTestOrganization, createTestUser } = await connectToE2eDatabase();
  const { totpCode } = await import("../lib/auth/totp");
  const organization = await createTestOrganization("双因素测试局", { requireTotp: true });
  const manager = await createTestUser({ organizationId: organization.id, role: "MANAGER", username: `mfa-${organization.code}`, password: "Manager-mfa-2026" });
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });

  // First sign-in: everything leads to the enrolment.
  await signIn(page, { username: manager.username, password: "Manager-mfa-2026" });
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId("pending-step")).toContainText("双因素认证");
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/account$/);

  await page.getByRole("button", { name: "开始设置" }).click();
  const qr = page.getByTestId("second-factor-qr");
  await expect(qr).toBeVisible();
  expect(await qr.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(100);
  const secret = (await page.getByTestId("second-factor-secret").textContent())!.trim();
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);

  const enrolment = page.getByTestId("second-factor-enrolment");
  await enrolment.getByLabel("验证码").fill("000000" === totpCode(secret, new Date()) ? "111111" : "000000");
  await enrolment.getByRole("button", { name: "确认开启" }).click();
  await expect(enrolment.getByRole("alert")).toContainText("验证码不正确");
  await enrolment.getByLabel("验证码").fill(totpCode(secret, new Date()));
  await enrolment.getByRole("button", { name: "确认开启" }).click();
  const codes = page.getByTestId("recovery-codes").locator("li");
  await expect(codes).toHaveCount(10);
  const recoveryCode = (await codes.first().textContent())!.trim();
  await page.getByRole("link", { name: "继续使用系统" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("pending-step")).toHaveCount(0);
  await page.goto("/cases");
  await expect(page).toHaveURL(/\/cases$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Sign-in: the password, then the code (the next one: the enrolment used the current one).
  await signInWithPassword(page, manager.username, "Manager-mfa-2026");
  await expect(page.getByTestId("second-factor-step")).toBeVisible();
  await page.getByLabel("验证码").fill("123");
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("验证码不正确");
  await page.getByLabel("验证码").fill(totpCode(secret, new Date(Date.now() + 30_000)));
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("current-user")).toContainText(manager.displayName);
  await expect(page).toHaveURL(/\/$/);
  await page.getByRole("button", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/login/);

  // A recovery code works once.
  await signInWithPassword(page, manager.username, "Manager-mfa-2026");
  await page.getByLabel("验证码").fill(recoveryCode.toLowerCase());
  await page.getByRole("button", { name: "验证并登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("second-factor-status")).toContainText("剩余可用恢复码 9 个");
  expect(violations).toEqual([]);
});
