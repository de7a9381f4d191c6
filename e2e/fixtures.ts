// Shared helpers for the specs: sign-in through the real form, and direct access to the e2e
// database through the app's own data layer (for arranging data and checking what was stored).
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { openDatabase } from "../lib/runtime/database";
import { useDatabaseUrl } from "../lib/env";
import { E2E_DATA_DIR, E2E_DATABASE_PORT } from "./environment";

export const DEMO = {
  clerk: { username: "clerk", password: "Clerk-demo-2026", displayName: "王登记" },
  manager: { username: "manager", password: "Manager-demo-2026", displayName: "李负责" },
  admin: { username: "admin", password: "Admin-demo-2026", displayName: "张管理" },
} as const;

/** Signs in through the form; with `totpSecret`, also types the current code of the authenticator. */
export async function signIn(page: Page, account: { username: string; password: string; totpSecret?: string }) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
  if (account.totpSecret) {
    const { totpCode } = await import("../lib/auth/totp");
    await page.getByLabel("验证码").fill(totpCode(account.totpSecret, new Date()));
    await page.getByRole("button", { name: "验证并登录" }).click();
  }
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Connects this test process to the running e2e server's database (it never starts a second one). */
export async function connectToE2eDatabase() {
  // The server's session secret (npm start generates it into the data folder): factories seal TOTP
  // secrets with it, so that the server can read them.
  process.env.NEXTAUTH_SECRET ??= readFileSync(path.join(E2E_DATA_DIR, "auth-secret"), "utf8").trim();
  const database = await openDatabase({ dataDir: E2E_DATA_DIR, port: E2E_DATABASE_PORT });
  useDatabaseUrl(database.url);
  const { db } = await import("../lib/db");
  const factories = await import("../tests/factories");
  return { db, ...factories };
}
