import type { UserStatus } from "./user-row";

const BADGE_CLASS = { active: "badge success", locked: "badge warning", disabled: "badge" } as const;

export function UserStatusBadge({ status, testId }: { status: UserStatus; testId?: string }) {
  return (
    <span className={BADGE_CLASS[status.kind]} data-testid={testId}>
      {status.label}
    </span>
  );
}
