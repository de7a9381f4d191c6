// Test data factories shared by integration tests and end-to-end fixtures. They write through the
// real data layer where one exists, so tests exercise the same code paths as the app.
import type { Role } from "@prisma/client";
import { randomUUID } from "node:crypto";
import { db } from "../lib/db";
import { toActor, toPrincipal, type Actor, type OperatorActor } from "../lib/auth/actor";
import { generateTotpSecret } from "../lib/auth/totp";
import { hashPassword } from "../lib/auth/password";
import { sealSecret } from "../lib/auth/secret-box";
import { createOrganization } from "../lib/organizations/mutations";

export function uniqueSuffix(): string {
  return randomUUID().replaceAll("-", "").slice(0, 8);
}

/** A new organization. The second factor is off unless asked for (new organizations have it on). */
export async function createTestOrganization(name = "测试司法局", options: { requireTotp?: boolean } = {}) {
  return createOrganization({ input: { code: `org-${uniqueSuffix()}`, name, requireTotp: options.requireTotp ?? false } });
}

export async function createTestUser(options: {
  organizationId: string;
  role: Role;
  username?: string;
  password?: string;
  displayName?: string;
  /** A TOTP secret (base32) the user has enrolled. */
  totpSecret?: string;
  mustChangePassword?: boolean;
}) {
  const user = await db.user.create({
    data: {
      organizationId: options.organizationId,
      totpSecret: options.totpSecret ? sealSecret(options.totpSecret) : null,
      totpEnabledAt: options.totpSecret ? new Date() : null,
      mustChangePassword: options.mustChangePassword ?? false,
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

/** An operator (系统管理员) of the installation, with an enrolled second factor (operators must have one). */
export async function createTestOperator(options: { username?: string; password?: string; totpSecret?: string; displayName?: string } = {}) {
  return db.user.create({
    data: {
      organizationId: null,
      username: options.username ?? `operator-${uniqueSuffix()}`,
      displayName: options.displayName ?? "测试系统管理员",
      role: "OPERATOR",
      passwordHash: await hashPassword(options.password ?? "Test-password-1"),
      totpSecret: sealSecret(options.totpSecret ?? generateTotpSecret()),
      totpEnabledAt: new Date(),
    },
  });
}

export function operatorActorFor(user: Awaited<ReturnType<typeof createTestOperator>>): OperatorActor {
  const principal = toPrincipal({ ...user, organization: null });
  if (principal.role !== "OPERATOR") throw new Error("not an operator");
  return principal;
}
