// What an exported report holds: the figures, table 二 and the narrative sections. Shared by the Excel
// and Word exports and the report page.
import type { ReportFigures } from "./definitions";

export interface ReportSections {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 (the fee figures are stated before this text) */
  other: string;
}

export interface ReportDocument {
  organizationName: string;
  year: number;
  figures: ReportFigures;
  sections: ReportSections;
  activeDisclosure: Record<string, string | undefined>;
}

export const SECTION_TITLES = {
  overview: "一、总体情况",
  activeDisclosure: "二、主动公开政府信息情况",
  applications: "三、收到和处理政府信息公开申请情况",
  appeals: "四、政府信息公开行政复议、行政诉讼情况",
  problems: "五、存在的主要问题及改进情况",
  other: "六、其他需要报告的事项",
} as const;

export function reportTitle(document: Pick<ReportDocument, "organizationName" | "year">): string {
  return `${document.organizationName}${document.year}年政府信息公开工作年度报告`;
}

/** Section 六's statement of the information processing fees (国办函〔2020〕109号). */
export function feeStatement(figures: Pick<ReportFigures, "fees">): string {
  const { notices, amount_noticed, amount_collected } = figures.fees;
  return `依据《政府信息公开信息处理费管理办法》，本年度发出收费通知${notices}件，总金额${amount_noticed}元，实际收取信息处理费${amount_collected}元。`;
}

export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}
