// Words for a roll-up's statuses and sources, shared by the pages and the exports. Pure.
import { formatDate } from "../format";
import type { FiguresSource, MemberStatus } from "./queries";

export const FIGURES_SOURCE_LABELS: Record<FiguresSource, string> = {
  published: "已发布版本",
  current: "当前数字（未发布）",
  current_other_format: "当前数字（已发布版本无法按此格式汇总）",
};

export function memberStatusText(status: MemberStatus): string {
  if (status.kind === "published") return `已发布第 ${status.version} 版（${formatDate(status.publishedAt)}）`;
  return status.kind === "draft" ? "草稿" : "未开始";
}
