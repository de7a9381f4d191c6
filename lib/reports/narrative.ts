// The figures that the report's text states (rules.md §6.6). The text holds placeholders such as
// {本年新收}; they are filled from the tables whenever the report is exported (today's figures, or a
// published version's frozen ones), so the text and the tables cannot disagree. "插入统计段落" inserts
// FIGURES_PARAGRAPH_TEMPLATE; the fee sentence of section 六 follows the year's rules. Pure.
import { APPLICATIONS_ROWS, isLeafKey, type ReportFormat } from "./definitions";
import { checkTextTemplate, fillTextTemplate, type TemplateProblem } from "../templating/text";

export interface NarrativeFigures {
  year: number;
  format: ReportFormat;
  applications: { rows: Partial<Record<string, number[]>> };
  appeals: Record<"reconsideration" | "litigation_direct" | "litigation_after_reconsideration", { total: number; corrected: number }>;
  fees: { notices: number; amount_noticed: string; amount_collected: string };
}

/** 国办函〔2020〕109号《政府信息公开信息处理费管理办法》 applies from 1 January 2021: reports for 2021 on cite it. */
export const FEE_RULES_FIRST_YEAR = 2021;

const TOTAL = 6;

function total(rows: NarrativeFigures["applications"]["rows"], key: string): number {
  return rows[key]?.[TOTAL] ?? 0;
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

const OUTCOME_GROUP_LABELS = ["予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理"] as const;

function appealsSentence(figures: NarrativeFigures): string {
  const { reconsideration, litigation_direct, litigation_after_reconsideration } = figures.appeals;
  const lawsuits = litigation_direct.total + litigation_after_reconsideration.total;
  const corrected = reconsideration.corrected + litigation_direct.corrected + litigation_after_reconsideration.corrected;
  return reconsideration.total + lawsuits > 0
    ? `因政府信息公开被申请行政复议${reconsideration.total}件、提起行政诉讼${lawsuits}件，其中被纠正${corrected}件。`
    : "本年度未发生因政府信息公开引起的行政复议、行政诉讼。";
}

/**
 * Section 六's statement of the information processing fees. From 2021 it cites 国办函〔2020〕109号;
 * for 2019 and 2020 (before that 办法 applied) the fee rests on 条例 Art. 42 alone. "Nothing" is said
 * only when nothing was noticed and nothing collected (a payment in Y for a notice of Y−1 is stated).
 */
export function feeSentence(figures: Pick<NarrativeFigures, "year" | "fees">): string {
  const { notices, amount_noticed, amount_collected } = figures.fees;
  const nothing = notices === 0 && Number(amount_noticed) === 0 && Number(amount_collected) === 0;
  const figuresText = `本年度发出收费通知${notices}件，总金额${amount_noticed}元，实际收取信息处理费${amount_collected}元。`;
  if (figures.year >= FEE_RULES_FIRST_YEAR) {
    return nothing
      ? "本年度未发出信息处理费收费通知，未收取信息处理费。"
      : `依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），${figuresText}`;
  }
  return nothing ? "本年度未收取信息处理费。" : `依据《中华人民共和国政府信息公开条例》第四十二条，${figuresText}`;
}

interface PlaceholderDefinition {
  name: string;
  description: string;
  value: (figures: NarrativeFigures) => string | number;
}

const groupSum = (figures: NarrativeFigures, label: string) =>
  (outcomeGroups(figures.format).find((group) => group.label === label)?.keys ?? []).reduce(
    (sum, key) => sum + total(figures.applications.rows, key),
    0,
  );

/** Every placeholder the report's text may use, with what it stands for. */
export const NARRATIVE_PLACEHOLDERS: readonly PlaceholderDefinition[] = [
  { name: "年度", description: "报告年度", value: (figures) => figures.year },
  { name: "本年新收", description: "表三 一、本年新收（总计）", value: (figures) => total(figures.applications.rows, "new_received") },
  { name: "上年结转", description: "表三 二、上年结转（总计）", value: (figures) => total(figures.applications.rows, "carried_in") },
  { name: "本年办结", description: "表三 （七）总计（总计）", value: (figures) => total(figures.applications.rows, "closed_total") },
  { name: "结转下年度", description: "表三 四、结转下年度继续办理（总计）", value: (figures) => total(figures.applications.rows, "carried_out") },
  ...OUTCOME_GROUP_LABELS.map((label) => ({
    name: label,
    description: `表三 ${label}（各项合计，总计列）`,
    value: (figures: NarrativeFigures) => groupSum(figures, label),
  })),
  {
    name: "办理结果构成",
    description: "“，其中予以公开N件、……”（只列不为零的类别；全为零时为空）",
    value: (figures) => {
      const parts = outcomeGroups(figures.format)
        .map((group) => ({ label: group.label, count: groupSum(figures, group.label) }))
        .filter((group) => group.count > 0)
        .map((group) => `${group.label}${group.count}件`);
      return parts.length > 0 ? `，其中${parts.join("、")}` : "";
    },
  },
  { name: "行政复议", description: "表四 行政复议总计", value: (figures) => figures.appeals.reconsideration.total },
  {
    name: "行政诉讼",
    description: "表四 行政诉讼总计（未经复议直接起诉与复议后起诉）",
    value: (figures) => figures.appeals.litigation_direct.total + figures.appeals.litigation_after_reconsideration.total,
  },
  {
    name: "复议诉讼被纠正",
    description: "表四 各组“结果纠正”之和",
    value: (figures) =>
      figures.appeals.reconsideration.corrected + figures.appeals.litigation_direct.corrected + figures.appeals.litigation_after_reconsideration.corrected,
  },
  { name: "复议诉讼情况", description: "复议、诉讼的一句话（无复议诉讼时写明未发生）", value: appealsSentence },
  { name: "收费通知件数", description: "六 本年度发出收费通知的件数", value: (figures) => figures.fees.notices },
  { name: "收费通知金额", description: "六 收费通知的总金额（元）", value: (figures) => figures.fees.amount_noticed },
  { name: "实际收取金额", description: "六 实际收取的总金额（元）", value: (figures) => figures.fees.amount_collected },
  { name: "信息处理费情况", description: "信息处理费的一句话（按年度适用的规定）", value: feeSentence },
];

const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set(NARRATIVE_PLACEHOLDERS.map((placeholder) => placeholder.name));

/** The paragraph "插入统计段落" inserts into section 一: placeholders, filled at export. */
export const FIGURES_PARAGRAPH_TEMPLATE =
  "{年度}年度，本机关共收到政府信息公开申请{本年新收}件，上年结转{上年结转}件。" +
  "本年度办结{本年办结}件{办理结果构成}；结转下年度继续办理{结转下年度}件。{复议诉讼情况}";

/** The value of every placeholder for these figures. */
export function narrativeValues(figures: NarrativeFigures): Record<string, string> {
  return Object.fromEntries(NARRATIVE_PLACEHOLDERS.map((placeholder) => [placeholder.name, String(placeholder.value(figures))]));
}

/** Problems of a text's placeholders (unknown names, unbalanced braces); empty when it fills. */
export function checkNarrative(text: string): TemplateProblem[] {
  return checkTextTemplate(text, PLACEHOLDER_NAMES);
}

/** The text with its placeholders filled from these figures. */
export function fillNarrative(text: string, values: Record<string, string>): string {
  return fillTextTemplate(text, values, PLACEHOLDER_NAMES);
}

/** For the draft form's live preview: the filled text, or what is wrong with it. */
export function previewNarrative(text: string, values: Record<string, string>): { ok: true; text: string } | { ok: false; problems: TemplateProblem[] } {
  const problems = checkNarrative(text);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, text: fillNarrative(text, values) };
}
