// The generated draft of the figures paragraph of section 一（总体情况）, from the report data. Pure.
import { APPLICATIONS_ROWS, isLeafKey, type ReportFormat } from "./definitions";
export interface ReportFiguresForNarrative {
  year: number;
  format: ReportFormat;
  applications: { rows: Record<string, number[]> };
  appeals: Record<"reconsideration" | "litigation_direct" | "litigation_after_reconsideration", { total: number; corrected: number }>;
  fees: { notices: number; amount_noticed: string; amount_collected: string };
}

const TOTAL = 6;

function total(rows: Record<string, number[]>, key: string): number {
  return rows[key]?.[TOTAL] ?? 0;
}

function sum(rows: Record<string, number[]>, keys: string[]): number {
  return keys.reduce((accumulated, key) => accumulated + total(rows, key), 0);
}

/** The outcome groups of table 三 — （一）予以公开 … （六）其他处理 — with the leaf rows each holds. */
function outcomeGroups(format: ReportFormat): { label: string; keys: string[] }[] {
  const groups = new Map<string, string[]>();
  for (const row of APPLICATIONS_ROWS[format]) {
    if (!isLeafKey(row.key)) continue;
    const group = row.groups[1] ?? row.label;
    const label = group.replace(/^（[一二三四五六七]）/, "").replace(/（.*）$/, "");
    groups.set(label, [...(groups.get(label) ?? []), row.key]);
  }
  return [...groups].map(([label, keys]) => ({ label, keys }));
}

export function draftFiguresParagraph(report: ReportFiguresForNarrative): string {
  const { rows } = report.applications;
  const outcomes = outcomeGroups(report.format).map((group) => ({ label: group.label, count: sum(rows, group.keys) }))
    .filter((group) => group.count > 0)
    .map((group) => `${group.label}${group.count}件`);
  const sentences = [
    `${report.year}年度，本机关共收到政府信息公开申请${total(rows, "new_received")}件，上年结转${total(rows, "carried_in")}件。`,
    `本年度办结${total(rows, "closed_total")}件${outcomes.length > 0 ? `，其中${outcomes.join("、")}` : ""}；结转下年度继续办理${total(rows, "carried_out")}件。`,
  ];
  const reconsiderations = report.appeals.reconsideration.total;
  const lawsuits = report.appeals.litigation_direct.total + report.appeals.litigation_after_reconsideration.total;
  const corrected =
    report.appeals.reconsideration.corrected + report.appeals.litigation_direct.corrected + report.appeals.litigation_after_reconsideration.corrected;
  sentences.push(
    reconsiderations + lawsuits > 0
      ? `因政府信息公开被申请行政复议${reconsiderations}件、提起行政诉讼${lawsuits}件，其中被纠正${corrected}件。`
      : "本年度未发生因政府信息公开引起的行政复议、行政诉讼。",
  );
  sentences.push(
    report.fees.notices > 0
      ? `依据《政府信息公开信息处理费管理办法》，本年度发出收费通知${report.fees.notices}件，金额${report.fees.amount_noticed}元，实际收取信息处理费${report.fees.amount_collected}元。`
      : "本年度未收取信息处理费。",
  );
  return sentences.join("");
}
