// What the user administration pages show of a user: plain data, prepared on the server (the status
// depends on the current time) and rendered by the server table.
import type { Role } from "@/lib/domain-types";
import type { UserListItem } from "@/lib/users/queries";
import { formatDate, formatDateTime, formatTime } from "@/lib/format";

export type UserStatusKind = "active" | "locked" | "disabled";

export type UserStatus = { kind: UserStatusKind; label: string };

export type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  status: UserStatus;
  lastLoginAt: Date | null;
};

/**
 * 启用 / 已停用 / 临时锁定至 HH:mm (after too many failed sign-ins, while `lockedUntil` is in the
 * future; with the date when the lock ends on another day). A disabled account reads 已停用 even if locked.
 */
export function userStatus(user: Pick<UserListItem, "active" | "lockedUntil">, now: Date): UserStatus {
  if (!user.active) return { kind: "disabled", label: "已停用" };
  const lockedUntil = user.lockedUntil;
  if (lockedUntil && lockedUntil.getTime() > now.getTime()) {
    const until = formatDate(lockedUntil) === formatDate(now) ? formatTime(lockedUntil) : formatDateTime(lockedUntil);
    return { kind: "locked", label: `临时锁定至 ${until}` };
  }
  return { kind: "active", label: "启用" };
}

export function toUserRow(user: UserListItem, now: Date): UserRow {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    status: userStatus(user, now),
    lastLoginAt: user.lastLoginAt,
  };
}
