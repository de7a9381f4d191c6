// What an exported report holds: the figures, table 二 and the narrative sections. Shared by the Excel
// and Word exports and the report page.
import { AppError } from "../errors";
import type { ReportFigures } from "./definitions";
import { checkNarrative, fillNarrative, narrativeValues } from "./narrative";

/** The narrative sections as the draft holds them: placeholders such as {本年新收} are filled at export (narrative.ts). */
export interface ReportSections {
  /** 一、总体情况 */
  overview: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 (the fee sentence, narrative.ts feeSentence, is printed before this text) */
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

export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

const SECTION_KEYS = ["overview", "problems", "other"] as const satisfies readonly (keyof ReportSections)[];

/**
 * Refuses sections whose placeholders cannot be filled (an unknown name, an unbalanced brace), naming
 * each problem by section: the draft is checked when it is saved, so that every export fills.
 */
export function assertReportSectionsFill(sections: ReportSections): void {
  const fieldErrors: Record<string, string[]> = {};
  for (const key of SECTION_KEYS) {
    const problems = checkNarrative(sections[key]);
    if (problems.length > 0) fieldErrors[`sections.${key}`] = problems.map((problem) => `${SECTION_TITLES[key]}：${problem.message}`);
  }
  const messages = Object.values(fieldErrors).flat();
  if (messages.length > 0) throw new AppError("VALIDATION", `报告文字中的占位符有误：${messages.join("；")}`, fieldErrors);
}

/**
 * The sections with their placeholders filled from the document's own figures (rules.md §6.6): the
 * text states exactly what the tables print. A placeholder that cannot be filled stops the export with
 * a message, rather than printing a wrong or unfilled figure.
 */
export function fillReportSections(document: Pick<ReportDocument, "figures" | "sections">): ReportSections {
  assertReportSectionsFill(document.sections);
  const values = narrativeValues(document.figures);
  return {
    overview: fillNarrative(document.sections.overview, values),
    problems: fillNarrative(document.sections.problems, values),
    other: fillNarrative(document.sections.other, values),
  };
}
