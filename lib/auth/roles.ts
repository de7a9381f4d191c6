import type { Role } from "@prisma/client";

export const ROLE_LABELS: Record<Role, string> = {
  CLERK: "登记员",
  MANAGER: "负责人",
  ADMIN: "管理员",
  OPERATOR: "系统管理员",
};

/** The roles within an organization, lowest first (an operator belongs to none). */
export const ROLES = ["CLERK", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

/** For sorting by role: the organization roles in order, the operator above them. */
export function roleRank(role: Role): number {
  return role === "OPERATOR" ? ROLES.length : ROLES.indexOf(role);
}
