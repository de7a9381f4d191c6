// The demo organization and its accounts (passwords published in the README), seeded only into an
// empty embedded database (prisma/seed.ts, scripts/start.ts). While one of them can sign in, the
// sign-in page says that this installation is a demo.
import "server-only";
import { db } from "../db";

export const DEMO_ORGANIZATION = { code: "demo", name: "示例市司法局" } as const;

export const DEMO_ACCOUNTS = [
  { username: "clerk", displayName: "王登记", role: "CLERK", password: "Clerk-demo-2026" },
  { username: "manager", displayName: "李负责", role: "MANAGER", password: "Manager-demo-2026" },
  { username: "admin", displayName: "张管理", role: "ADMIN", password: "Admin-demo-2026" },
] as const;

/** Whether an active demo account (one of the published usernames in the demo organization) exists. */
export async function hasActiveDemoAccounts(): Promise<boolean> {
  const count = await db.user.count({
    where: { active: true, username: { in: DEMO_ACCOUNTS.map((account) => account.username) }, organization: { code: DEMO_ORGANIZATION.code } },
  });
  return count > 0;
}
