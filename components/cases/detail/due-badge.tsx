import type { CaseProjection, DueStatus } from "@/lib/cases/projection";

export function DueBadge({
  projection,
  dueStatus,
}: {
  projection: Pick<CaseProjection, "dueOn" | "dueIsProvisional" | "closedOn">;
  dueStatus: { status: DueStatus; workdaysLeft: number | null };
}) {
  const provisional = projection.dueIsProvisional ? "（暂定）" : "";
  switch (dueStatus.status) {
    case "CLOSED":
      // The phase badge beside it already says 已办结: the date only, not a second badge.
      return <span className="muted" data-testid="due-badge">办结于 {projection.closedOn}</span>;
    case "STOPPED":
      return <span className="badge" data-testid="due-badge">暂停计时</span>;
    case "OVERDUE":
      return (
        <span className="badge danger" data-testid="due-badge">
          已逾期 {Math.abs(dueStatus.workdaysLeft ?? 0)} 个工作日（截止 {projection.dueOn}）
        </span>
      );
    case "DUE_SOON":
      return (
        <span className="badge warning" data-testid="due-badge">
          截止 {projection.dueOn}{provisional} · 剩 {dueStatus.workdaysLeft} 个工作日
        </span>
      );
    case "ON_TRACK":
      return (
        <span className="badge info" data-testid="due-badge">
          截止 {projection.dueOn}{provisional} · 剩 {dueStatus.workdaysLeft} 个工作日
        </span>
      );
  }
}
