// The statistics tables of the annual reports before 2019 (表一《政府信息公开工作相关数据统计表》, as in
// the 公主岭市司法局 2013 seed): rows of 指标 with two figures, 累计数 and 本年发生数. They have no
// table 三; what can be checked is what the table itself prints — a total followed by 其中 1. 2. …
// must equal the sum of its parts, and a 其中 under a count cannot exceed it (rules.md §7). Pure.
import type { ReportCheck } from "./checks";
import { normalizeLabel, type TextGrid } from "./report-labels";

/** The indicators of 表一 that take part in a printed sum, by the core of their label. */
export const PRE2019_INDICATORS = {
  staff: "从事政府信息公开工作人员数",
  staffFullTime: "专职人员数",
  staffPartTime: "兼职人员数",
  published: "公开信息总数",
  publishedNormative: "规范性文件类",
  publishedPlans: "规划计划和完成情况类信息数",
  publishedPublicInterest: "与公众利益密切相关事项类信息数",
  publishedPublicFunds: "公共资金使用和监督类信息数",
  publishedOrganization: "机构调整和人员变动类信息数",
  publishedOther: "其他类信息数",
  readingRooms: "设立公共信息查阅点数",
  readingRoomsElectronic: "可进行电子信息查阅的查阅点数",
  readingRoomHoldings: "公共信息查阅点汇集信息总数",
  readingRoomHoldingsElectronic: "电子信息数",
  readingRoomHoldingsPaper: "纸制信息数",
  requests: "政府信息公开申请数",
  requestsOnline: "网上申请数",
  requestsInPerson: "当面申请数",
  requestsByLetter: "信函申请数",
  requestsOther: "其他形式申请数",
  replies: "对申请的答复数",
  repliesGranted: "同意公开答复数",
  repliesPartly: "同意部分公开答复数",
  repliesRefused: "否决公开答复数",
  refusedNotExisting: "信息不存在数",
  refusedUnclear: "申请内容不明数",
  refusedSecret: "涉密免予公开数",
  refusedOther: "其他原因数",
  reconsiderations: "与信息公开事务相关的行政复议申请数",
  reconsiderationsAccepted: "受理数",
  reconsiderationsDecided: "办结数",
  reconsiderationsUpheld: "维持行为数",
  reconsiderationsCorrected: "纠错数",
  fees: "与信息公开事务相关的收费金额",
  feesCost: "依申请提供政府信息收取复印递送等成本费用数",
  feesOther: "其他费用金额",
} as const;

export type Pre2019Indicator = keyof typeof PRE2019_INDICATORS;

/** 累计数 and 本年发生数 (null where the cell is empty). */
export type Pre2019Figures = [number | null, number | null];
export type Pre2019Tables = Partial<Record<Pre2019Indicator, Pre2019Figures>>;

export const PRE2019_COLUMN_LABELS = ["累计数", "本年发生数"] as const;

/**
 * The core of a 表一 label: without 其中, its numbering (1. ① Ⅰ), the 表一 footnote mark * and the
 * parenthesised examples ("(包括公共卫生、扶贫优抚…)").
 */
function coreOf(label: string): string {
  return normalizeLabel(label)
    .replace(/\([^)]*\)/g, "")
    .replace(/^其中/, "")
    .replace(/^(?:\d+|[①-⑩]|[ⅠⅡⅢⅣⅤ]|[IV]+)/, "");
}

const INDICATOR_BY_CORE = new Map<string, Pre2019Indicator>(
  (Object.entries(PRE2019_INDICATORS) as [Pre2019Indicator, string][]).map(([key, label]) => [coreOf(label), key]),
);

const FIGURE = /^\d+(?:\.\d+)?$/;

function figureOf(cell: string | undefined): number | null | "not-a-number" {
  const text = (cell ?? "").normalize("NFKC").replace(/[\s,]/g, "").replace(/万?元$/, "");
  if (text === "") return null;
  return FIGURE.test(text) ? Number(text) : "not-a-number";
}

/**
 * The indicators found in the grid with their two figures: the two cells after the label, in reading
 * order (a table flattened to one cell per line reads the same). Null when fewer than three
 * indicators are found: not a pre-2019 statistics table.
 */
export function readPre2019Tables(grid: TextGrid): Pre2019Tables | null {
  const cells = grid.flat();
  const tables: Pre2019Tables = {};
  let found = 0;
  for (let index = 0; index < cells.length; index += 1) {
    const key = INDICATOR_BY_CORE.get(coreOf(cells[index] ?? ""));
    if (!key || tables[key]) continue;
    const values: (number | null)[] = [];
    for (const offset of [1, 2]) {
      const cell = cells[index + offset];
      const figure = cell !== undefined && INDICATOR_BY_CORE.has(coreOf(cell)) ? null : figureOf(cell);
      values.push(figure === "not-a-number" ? null : figure);
    }
    tables[key] = [values[0] ?? null, values[1] ?? null];
    found += 1;
  }
  return found >= 3 ? tables : null;
}

interface PrintedSum {
  total: Pre2019Indicator;
  parts: readonly Pre2019Indicator[];
  /** "equal": the parts add up to the total; "at-most": each part is a subset of the total. */
  relation: "equal" | "at-most";
}

/** The sums and subsets 表一 prints. */
export const PRE2019_PRINTED_SUMS: readonly PrintedSum[] = [
  { total: "staff", parts: ["staffFullTime", "staffPartTime"], relation: "equal" },
  {
    total: "published",
    parts: ["publishedNormative", "publishedPlans", "publishedPublicInterest", "publishedPublicFunds", "publishedOrganization", "publishedOther"],
    relation: "equal",
  },
  { total: "readingRooms", parts: ["readingRoomsElectronic"], relation: "at-most" },
  { total: "readingRoomHoldings", parts: ["readingRoomHoldingsElectronic", "readingRoomHoldingsPaper"], relation: "equal" },
  { total: "requests", parts: ["requestsOnline", "requestsInPerson", "requestsByLetter", "requestsOther"], relation: "equal" },
  { total: "replies", parts: ["repliesGranted", "repliesPartly", "repliesRefused"], relation: "equal" },
  { total: "repliesRefused", parts: ["refusedNotExisting", "refusedUnclear", "refusedSecret", "refusedOther"], relation: "equal" },
  { total: "reconsiderations", parts: ["reconsiderationsAccepted"], relation: "at-most" },
  { total: "reconsiderationsAccepted", parts: ["reconsiderationsDecided"], relation: "at-most" },
  { total: "reconsiderationsDecided", parts: ["reconsiderationsUpheld", "reconsiderationsCorrected"], relation: "at-most" },
  { total: "fees", parts: ["feesCost", "feesOther"], relation: "equal" },
];

/** Sums of money (收费金额) may have decimals: compare in fen. */
const fen = (value: number) => Math.round(value * 100);

/**
 * Each printed sum, in each column where any of its cells is filled (an empty cell counts as 0);
 * a sum whose cells are all empty in both columns, or whose total the table lacks, is not checked.
 */
export function runPre2019Checks(tables: Pre2019Tables, yearLabel: string | null): ReportCheck[] {
  const columnLabels = [PRE2019_COLUMN_LABELS[0], yearLabel ? `${yearLabel}发生数` : PRE2019_COLUMN_LABELS[1]];
  const checks: ReportCheck[] = [];
  for (const sum of PRE2019_PRINTED_SUMS) {
    const total = tables[sum.total];
    if (!total) continue;
    const parts = sum.parts.map((part) => tables[part] ?? [null, null]);
    const partsLabel = sum.parts.map((part) => PRE2019_INDICATORS[part]).join("+");
    const subject =
      sum.relation === "equal"
        ? `${PRE2019_INDICATORS[sum.total]}=${partsLabel}`
        : `${partsLabel}不超过${PRE2019_INDICATORS[sum.total]}`;
    const compared: string[] = [];
    const failures: string[] = [];
    for (const column of [0, 1] as const) {
      const cells = [total[column], ...parts.map((part) => part[column])];
      if (cells.every((cell) => cell === null)) continue;
      const totalValue = total[column] ?? 0;
      const values = parts.map((part) => part[column] ?? 0);
      const partsText = values.join("+");
      if (sum.relation === "equal") {
        const ok = fen(values.reduce((a, b) => a + b, 0)) === fen(totalValue);
        (ok ? compared : failures).push(`${columnLabels[column]} ${totalValue}${ok ? "=" : "≠"}${partsText}`);
      } else {
        const ok = fen(values.reduce((a, b) => a + b, 0)) <= fen(totalValue);
        (ok ? compared : failures).push(`${columnLabels[column]} ${partsText}${ok ? "≤" : ">"}${totalValue}`);
      }
    }
    if (compared.length === 0 && failures.length === 0) continue;
    checks.push(
      failures.length === 0
        ? { rule: "printed_sum", ok: true, detail: `${subject}：${compared.join("；")}` }
        : { rule: "printed_sum", ok: false, detail: `${subject}不成立：${failures.join("；")}` },
    );
  }
  return checks;
}
