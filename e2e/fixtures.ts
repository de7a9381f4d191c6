// Shared helpers for the specs: sign-in through the real form, and direct access to the e2e
// database through the app's own data layer (for arranging data and checking what was stored).
import { expect, type Page } from "@playwright/test";
import { openDatabase } from "../lib/runtime/database";
import { useDatabaseUrl } from "../lib/env";
import { E2E_DATA_DIR, E2E_DATABASE_PORT } from "./environment";

export const DEMO = {
  clerk: { username: "clerk", password: "Clerk-demo-2026", displayName: "王登记" },
  manager: { username: "manager", password: "Manager-demo-2026", displayName: "李负责" },
  admin: { username: "admin", password: "Admin-demo-2026", displayName: "张管理" },
} as const;

export async function signIn(page: Page, account: { username: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(account.username);
  await page.getByLabel("密码").fill(account.password);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}

/** Connects this test process to the running e2e server's database (it never starts a second one). */
export async function connectToE2eDatabase() {
  const database = await openDatabase({ dataDir: E2E_DATA_DIR, port: E2E_DATABASE_PORT });
  useDatabaseUrl(database.url);
  const { db } = await import("../lib/db");
  const factories = await import("../tests/factories");
  return { db, ...factories };
}
