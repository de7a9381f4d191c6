// The signed-in user as every query and mutation sees them. Authorization happens in the data layer:
// functions take an Actor and scope every read and write to actor.organizationId.
import type { Role } from "@prisma/client";
import { AppError } from "../errors";

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
}

/** The actor of a user row loaded with its organization. */
export function toActor(user: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organization: { code: string; name: string };
}): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    organizationId: user.organizationId,
    organizationCode: user.organization.code,
    organizationName: user.organization.name,
  };
}

export function assertRole(actor: Actor, ...allowed: Role[]): void {
  if (!allowed.includes(actor.role)) {
    throw new AppError("FORBIDDEN", "您的角色无权执行此操作");
  }
}
