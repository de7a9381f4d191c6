import type { Role } from "@prisma/client";

export const ROLE_LABELS: Record<Role, string> = {
  CLERK: "登记员",
  MANAGER: "负责人",
  ADMIN: "管理员",
};

export const ROLES = ["CLERK", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
