import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";

/** The <option>s of a role <select>, in the order 登记员, 负责人, 管理员. */
export function RoleOptions() {
  return ROLES.map((role) => (
    <option key={role} value={role}>
      {ROLE_LABELS[role]}
    </option>
  ));
}
