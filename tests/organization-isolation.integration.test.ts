// A user of organization A can read or change nothing of organization B through the data layer,
// whatever id they pass. (The same is checked over HTTP in e2e/isolation.spec.ts.)
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { findUsers, getUser } from "@/lib/users/queries";
import { changeUserRole, createUser, resetUserPassword, setUserActive, setUserEmailSettings } from "@/lib/users/mutations";
import { getOwnOrganization } from "@/lib/organizations/queries";
import { updateOrganizationSettings } from "@/lib/organizations/mutations";
import { verifyPassword } from "@/lib/auth/password";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

let adminA: Actor;
let clerkA: Actor;
let organizationBId: string;
let userB: Awaited<ReturnType<typeof createTestUser>>;
let adminB: Actor;

beforeAll(async () => {
  const organizationA = await createTestOrganization("甲区司法局");
  const organizationB = await createTestOrganization("乙区司法局");
  organizationBId = organizationB.id;
  adminA = actorFor(await createTestUser({ organizationId: organizationA.id, role: "ADMIN" }));
  clerkA = actorFor(await createTestUser({ organizationId: organizationA.id, role: "CLERK" }));
  adminB = actorFor(await createTestUser({ organizationId: organizationB.id, role: "ADMIN" }));
  userB = await createTestUser({ organizationId: organizationB.id, role: "CLERK", password: "Original-pass-1" });
});

async function reloadUserB() {
  return db.user.findUniqueOrThrow({ where: { id: userB.id } });
}

describe("organization isolation in the data layer", () => {
  it("lists only the actor's own organization's users", async () => {
    const usersSeenByA = await findUsers({ actor: adminA });
    expect(usersSeenByA.map((user) => user.id).sort()).toEqual([adminA.userId, clerkA.userId].sort());
    const usersSeenByB = await findUsers({ actor: adminB });
    expect(usersSeenByB.map((user) => user.id)).toContain(userB.id);
  });

  it("does not read another organization's user by id", async () => {
    await expect(getUser({ actor: adminA, userId: userB.id })).rejects.toMatchObject({ code: "NOT_FOUND", message: "未找到该用户" });
  });

  it("does not change another organization's user's role, status or password", async () => {
    await expect(changeUserRole({ actor: adminA, input: { userId: userB.id, role: "ADMIN" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(setUserActive({ actor: adminA, input: { userId: userB.id, active: false } })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      resetUserPassword({ actor: adminA, input: { userId: userB.id, password: "Hijacked-pass-1" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      setUserEmailSettings({ actor: adminA, input: { userId: userB.id, email: "x@example.gov.cn", emailDigest: true } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const after = await reloadUserB();
    expect(after.role).toBe("CLERK");
    expect(after.active).toBe(true);
    expect(after.sessionVersion).toBe(userB.sessionVersion);
    expect(after.email).toBeNull();
    expect(await verifyPassword("Original-pass-1", after.passwordHash)).toBe(true);
  });

  it("creates users only in the actor's own organization", async () => {
    const created = await createUser({
      actor: adminA,
      input: { username: `a-new-${Date.now()}`, displayName: "新用户", role: "CLERK", password: "Newuser-pass-1", organizationId: organizationBId },
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.organizationId).toBe(adminA.organizationId);
  });

  it("changes only the actor's own organization's settings", async () => {
    const before = await getOwnOrganization({ actor: adminB });
    await updateOrganizationSettings({
      actor: adminA,
      input: { name: "甲区司法局（改）", appealsBasis: "ACTIVE_IN_YEAR", feeStopsClock: false, caseNumberPrefix: "JQ", caseNumberPattern: "{前缀}〔{年}〕{序号}号" },
      expectedVersion: null,
      today: "2026-11-21",
    });
    expect((await getOwnOrganization({ actor: adminA })).caseNumberPrefix).toBe("JQ");
    const after = await getOwnOrganization({ actor: adminB });
    expect(after).toMatchObject({ name: before.name, appealsBasis: before.appealsBasis, feeStopsClock: before.feeStopsClock, caseNumberPrefix: before.caseNumberPrefix });
  });

  it("refuses administration to a clerk, even in their own organization", async () => {
    await expect(findUsers({ actor: clerkA })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(changeUserRole({ actor: clerkA, input: { userId: clerkA.userId, role: "ADMIN" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db.user.findUniqueOrThrow({ where: { id: clerkA.userId } })).role).toBe("CLERK");
  });

  it("writes an audit event for each change, scoped to the actor's organization", async () => {
    const events = await db.auditEvent.findMany({ where: { actorId: adminA.userId } });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((event) => event.organizationId === adminA.organizationId)).toBe(true);
  });
});
