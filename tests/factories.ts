// Test data factories shared by integration tests and end-to-end fixtures. They write through the
// real data layer where one exists, so tests exercise the same code paths as the app.
import type { Role } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { toActor, type Actor } from "../lib/auth/actor";
import { hashPassword } from "../lib/auth/password";
import { createOrganization } from "../lib/organizations/mutations";

export function uniqueSuffix(): string {
  return randomUUID().replaceAll("-", "").slice(0, 8);
}

export async function createTestOrganization(name = "测试司法局") {
  return createOrganization({ input: { code: `org-${uniqueSuffix()}`, name } });
}

export async function createTestUser(options: {
  organizationId: string;
  role: Role;
  username?: string;
  password?: string;
  displayName?: string;
}) {
  const user = await db.user.create({
    data: {
      organizationId: options.organizationId,
      username: options.username ?? `user-${uniqueSuffix()}`,
      displayName: options.displayName ?? "测试用户",
      role: options.role,
      passwordHash: await hashPassword(options.password ?? "Test-password-1"),
    },
    include: { organization: true },
  });
  return user;
}

export function actorFor(user: Awaited<ReturnType<typeof createTestUser>>): Actor {
  return toActor(user);
}
