// Resolves the current request's actor from the session cookie and the database.
import type { Role } from "@prisma/client";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { db } from "../db";
import { AppError } from "../errors";
import { toActor, type Actor } from "./actor";
import { authOptions } from "./options";

interface SessionPayload {
  userId?: string;
  sessionVersion?: number;
}

/** The signed-in, active user, or null. A disabled user or a reset password ends older sessions. */
export async function getActor(): Promise<Actor | null> {
  const session = (await getServerSession(authOptions)) as SessionPayload | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({ where: { id: session.userId }, include: { organization: true } });
  if (!user || !user.active || user.sessionVersion !== (session.sessionVersion ?? 0)) return null;
  return toActor(user);
}

/**
 * For pages and layouts: the actor, or a redirect to the sign-in page. With `roles`, a user of another
 * role is sent to the "no access" page instead.
 */
export async function requireActor(options: { roles?: Role[] } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (options.roles && !options.roles.includes(actor.role)) redirect("/forbidden");
  return actor;
}

/** For server actions and route handlers: the actor, or an UNAUTHENTICATED error. */
export async function requireActorForAction(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "登录已失效，请重新登录");
  return actor;
}
