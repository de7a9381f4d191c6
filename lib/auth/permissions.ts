// Who may do what: one table, read by the pages (to hide what a role cannot do) and by the data layer
// (which decides: every query and mutation checks its permission, docs/decisions/0004). Adding a role or
// moving a right from one role to another is an edit of this table only.
import type { Role } from "@prisma/client";
import { AppError } from "../errors";

const STAFF = ["CLERK", "MANAGER", "ADMIN"] as const satisfies readonly Role[];
const MANAGERS = ["MANAGER", "ADMIN"] as const satisfies readonly Role[];
const ADMINS = ["ADMIN"] as const satisfies readonly Role[];

export const PERMISSIONS = {
  /** Register a case, record its steps, appeals, fees, case-file material and letters; the workbench. */
  "case:work": STAFF,
  /** Give a case to another handler (taking an unassigned case oneself is case:work). */
  "case:assign": MANAGERS,
  /**
   * Approve or reject a handler's extension request, and record an extension directly (the manager
   * approves it at once); a clerk requests one (case:work). Never one's own request (lib/extensions).
   */
  "extension:approve": MANAGERS,
  /** Void a case registered in error, and restore it. */
  "case:void": MANAGERS,
  /** Import a ledger file (CSV, XLSX). */
  "case:import": MANAGERS,
  /** The manager's dashboard. */
  "dashboard:view": MANAGERS,
  /** Save the annual report's draft text and publish it. */
  "report:publish": MANAGERS,
  /** Enter or remove the opening balance carried over from before the system. */
  "report:opening-balance": MANAGERS,
  /** The roll-up of a government's departments. */
  "rollup:view": MANAGERS,
  /** The date by which the organization publishes its report. */
  "rollup:configure": ADMINS,
  /** Read the official working calendar (an operator edits it: lib/calendar/mutations.ts). */
  "calendar:read": [...STAFF, "OPERATOR"],
  /** The organization's settings. */
  "organization:configure": ADMINS,
  /** Letterheads, numbering rules and templates of the letters. */
  "letters:configure": ADMINS,
  /** Accounts: create, deactivate, reset passwords, change roles. */
  "users:manage": ADMINS,
  /** Read-only API tokens. */
  "api-tokens:manage": ADMINS,
  /** The audit log and its export. */
  "audit:read": ADMINS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether this role may do it (for the UI; the data layer calls assertCan). */
export function can(actor: { role: Role }, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(actor.role);
}

/** Throws FORBIDDEN unless the actor's role has the permission. */
export function assertCan(actor: { role: Role }, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError("FORBIDDEN", "您的角色无权执行此操作");
}
