// Demo data for an empty database: the organization `demo` (示例市司法局) with one account per role.
// The passwords are published in the README and are for the demo only. Reference data (the calendar)
// lives in migrations, not here.
import { db } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { createOrganization } from "../lib/organizations/mutations";

export const DEMO_ORGANIZATION = { code: "demo", name: "示例市司法局" } as const;

export const DEMO_ACCOUNTS = [
  { username: "clerk", displayName: "王登记", role: "CLERK", password: "Clerk-demo-2026" },
  { username: "manager", displayName: "李负责", role: "MANAGER", password: "Manager-demo-2026" },
  { username: "admin", displayName: "张管理", role: "ADMIN", password: "Admin-demo-2026" },
] as const;

/** Seeds the demo organization when the database holds no organization yet. Returns whether it did. */
export async function seedDemoDataIfEmpty(): Promise<boolean> {
  if ((await db.organization.count()) > 0) return false;
  const organization = await createOrganization({ input: DEMO_ORGANIZATION });
  for (const account of DEMO_ACCOUNTS) {
    await db.user.create({
      data: {
        organizationId: organization.id,
        username: account.username,
        displayName: account.displayName,
        role: account.role,
        passwordHash: await hashPassword(account.password),
      },
    });
  }
  return true;
}
