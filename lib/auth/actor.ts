// The signed-in user as every query and mutation sees them. Authorization happens in the data layer:
// functions take an Actor and scope every read and write to actor.organizationId.
//
// Two kinds of account (docs/decisions/0061): members of one organization (Actor, roles CLERK,
// MANAGER, ADMIN) and operators of the installation (OperatorActor, 系统管理员), who belong to no
// organization and see no case. A Principal is either.
import type { Role } from "@prisma/client";
import { AppError } from "../errors";

export type OrganizationRole = Exclude<Role, "OPERATOR">;

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: OrganizationRole;
  organizationId: string;
  organizationCode: string;
  organizationName: string;
}

export interface OperatorActor {
  userId: string;
  username: string;
  displayName: string;
  role: "OPERATOR";
}

export type Principal = Actor | OperatorActor;

export function isOperator(principal: Principal): principal is OperatorActor {
  return principal.role === "OPERATOR";
}

interface UserWithOrganization {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  organization: { code: string; name: string } | null;
}

/** The principal of a user row loaded with its organization. */
export function toPrincipal(user: UserWithOrganization): Principal {
  if (user.role === "OPERATOR") {
    return { userId: user.id, username: user.username, displayName: user.displayName, role: "OPERATOR" };
  }
  if (!user.organizationId || !user.organization) throw new Error(`用户 ${user.username} 不属于任何机构`);
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

/** The actor of a member's row (an operator is not an organization's actor). */
export function toActor(user: UserWithOrganization): Actor {
  const principal = toPrincipal(user);
  if (isOperator(principal)) throw new Error(`用户 ${user.username} 是系统管理员，不属于任何机构`);
  return principal;
}

export function assertOperator(principal: Principal): asserts principal is OperatorActor {
  if (!isOperator(principal)) throw new AppError("FORBIDDEN", "只有系统管理员可以执行此操作");
}
