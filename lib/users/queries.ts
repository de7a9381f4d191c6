import "server-only";
import { db } from "../db";
import { AppError } from "../errors";
import { type Actor } from "../auth/actor";
import { assertCan } from "../auth/permissions";

const userListSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  lockedUntil: true,
  lastLoginAt: true,
  createdAt: true,
  email: true,
  emailDigest: true,
  mustChangePassword: true,
  totpEnabledAt: true,
} as const;

/** The users of the actor's organization (administrators only). */
export async function findUsers({ actor }: { actor: Actor }) {
  assertCan(actor, "users:manage");
  return db.user.findMany({
    where: { organizationId: actor.organizationId },
    select: userListSelect,
    orderBy: [{ active: "desc" }, { role: "desc" }, { username: "asc" }],
  });
}

/** One user of the actor's organization; NOT_FOUND for any other id, including other organizations'. */
export async function getUser({ actor, userId }: { actor: Actor; userId: string }) {
  assertCan(actor, "users:manage");
  const user = await db.user.findFirst({ where: { id: userId, organizationId: actor.organizationId }, select: userListSelect });
  if (!user) throw new AppError("NOT_FOUND", "未找到该用户");
  return user;
}

export type UserListItem = Awaited<ReturnType<typeof findUsers>>[number];
