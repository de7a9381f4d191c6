// Demo data for an empty database: the organization `demo` (示例市司法局) with one account per role.
// The passwords are published in the README and are for the demo only, so the demo is seeded only
// into the embedded database (scripts/start.ts never calls this with DATABASE_URL set). Reference data
// (the calendar) lives in migrations, not here. The demo organization signs in without a second
// factor, so that the published accounts work as they are.
import { db } from "../lib/db";
import { hashPassword } from "../lib/auth/password";
import { createOrganization } from "../lib/organizations/mutations";
import { DEMO_ACCOUNTS, DEMO_ORGANIZATION } from "../lib/users/demo";

export { DEMO_ACCOUNTS, DEMO_ORGANIZATION };

/** Seeds the demo organization when the database holds no organization yet. Returns whether it did. */
export async function seedDemoDataIfEmpty({ embeddedDatabase }: { embeddedDatabase: boolean }): Promise<boolean> {
  if (!embeddedDatabase) throw new Error("演示数据只能写入内置数据库：设置了 DATABASE_URL 时不创建演示账户");
  if ((await db.organization.count()) > 0) return false;
  const organization = await createOrganization({ input: { ...DEMO_ORGANIZATION, requireTotp: false } });
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
