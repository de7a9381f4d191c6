// The annual report's tables 三 and 四 and section 六's fee figures as data (reference.md §1.4, §1.5,
// §2.3; interfaces.md §3): the keys of the report as data in table order, the labels exactly as the
// official tables print them, the map between Outcome and the leaf rows, and the report's types.
// Pure: no database, no dates of today.
import type { ApplicantType, LitigationRoute, Outcome, ProceedingKind, ProceedingResult } from "@prisma/client";
import { z } from "zod";
import type { IsoDate } from "../calendar/workdays";
import type { ReportCheck } from "./checks";

// ---------------------------------------------------------------------------------------------
// Formats

export const REPORT_FORMATS = ["2019", "2021"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** 国办公开办函〔2019〕60号 for the 2019 and 2020 reports, 〔2021〕30号 from 2021 on (rules.md §2). */
export function defaultFormatForYear(year: number): ReportFormat {
  return year === 2019 || year === 2020 ? "2019" : "2021";
}

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  "2019": "2019 年格式（国办公开办函〔2019〕60号）",
  "2021": "2021 年格式（国办公开办函〔2021〕30号）",
};

/** The first report year of the formats above (the revised 条例 took effect on 2019-05-15). */
export const FIRST_REPORT_YEAR = 2019;
export const LAST_REPORT_YEAR = 2100;

const YEAR_RANGE_MESSAGE = `年度应为 ${FIRST_REPORT_YEAR} 至 ${LAST_REPORT_YEAR} 之间的四位数字`;

/** A report year, as a number or as the digits of a path segment or command-line option. */
export const reportYearSchema = z.preprocess(
  (value) => (typeof value === "string" && /^\d{4}$/.test(value.trim()) ? Number(value.trim()) : value),
  z
    .number({ error: YEAR_RANGE_MESSAGE })
    .int({ error: YEAR_RANGE_MESSAGE })
    .min(FIRST_REPORT_YEAR, { error: YEAR_RANGE_MESSAGE })
    .max(LAST_REPORT_YEAR, { error: YEAR_RANGE_MESSAGE }),
);

export const reportFormatSchema = z.enum(REPORT_FORMATS, { error: "报告格式应为 2019 或 2021" });

/** Year and (optional) format of a report request; the format defaults by year. */
export const reportRequestSchema = z
  .object({ year: reportYearSchema, format: reportFormatSchema.optional() })
  .transform(({ year, format }) => ({ year, format: format ?? defaultFormatForYear(year) }));

export interface ReportYearBounds {
  /** 1 January of the year. */
  start: IsoDate;
  /** 31 December of the year. */
  end: IsoDate;
}

export function reportYearBounds(year: number): ReportYearBounds {
  const digits = String(year).padStart(4, "0");
  return { start: `${digits}-01-01`, end: `${digits}-12-31` };
}

// ---------------------------------------------------------------------------------------------
// Table 三: columns

export const APPLICANT_COLUMN_KEYS = [
  "natural_person",
  "commercial_enterprise",
  "research_institution",
  "social_welfare_org",
  "legal_service_org",
  "other_org",
] as const;
export type ApplicantColumnKey = (typeof APPLICANT_COLUMN_KEYS)[number];

export const COLUMN_KEYS = [...APPLICANT_COLUMN_KEYS, "total"] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

/** Index of the 总计 column in a row's counts. */
export const TOTAL_COLUMN_INDEX = COLUMN_KEYS.indexOf("total");

export const APPLICANT_TYPE_COLUMN_KEYS: Record<ApplicantType, ApplicantColumnKey> = {
  NATURAL_PERSON: "natural_person",
  COMMERCIAL_ENTERPRISE: "commercial_enterprise",
  RESEARCH_INSTITUTION: "research_institution",
  SOCIAL_WELFARE_ORG: "social_welfare_org",
  LEGAL_SERVICE_ORG: "legal_service_org",
  OTHER_ORG: "other_org",
};

export const COLUMN_KEY_APPLICANT_TYPES: Record<ApplicantColumnKey, ApplicantType> = {
  natural_person: "NATURAL_PERSON",
  commercial_enterprise: "COMMERCIAL_ENTERPRISE",
  research_institution: "RESEARCH_INSTITUTION",
  social_welfare_org: "SOCIAL_WELFARE_ORG",
  legal_service_org: "LEGAL_SERVICE_ORG",
  other_org: "OTHER_ORG",
};

/** The column headers as the table prints them. */
export const COLUMN_LABELS: Record<ColumnKey, string> = {
  natural_person: "自然人",
  commercial_enterprise: "商业企业",
  research_institution: "科研机构",
  social_welfare_org: "社会公益组织",
  legal_service_org: "法律服务机构",
  other_org: "其他",
  total: "总计",
};

/** Header row 1 spans the seven data columns; row 2 groups the five organization columns. */
export const APPLICANT_HEADER_LABEL = "申请人情况";
export const ORGANIZATION_COLUMNS_HEADER_LABEL = "法人或其他组织";
export const ORGANIZATION_COLUMN_KEYS = APPLICANT_COLUMN_KEYS.filter((key) => key !== "natural_person");

/** The note in the top-left header cell (3 rows × 3 columns), verbatim. */
export const BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

// ---------------------------------------------------------------------------------------------
// Table 三: rows

/** The 21 leaf rows of the 2021 format, in table order (interfaces.md §1 keys). */
export const LEAF_KEYS_2021 = [
  "granted",
  "partially_granted",
  "withheld_state_secret",
  "withheld_prohibited_by_law",
  "withheld_security_stability",
  "withheld_third_party_rights",
  "withheld_internal_affairs",
  "withheld_process_information",
  "withheld_enforcement_file",
  "withheld_administrative_query",
  "unavailable_not_held",
  "unavailable_needs_creation",
  "unavailable_unclear_after_correction",
  "not_processed_complaint",
  "not_processed_repeat",
  "not_processed_publication",
  "not_processed_excessive",
  "not_processed_confirm_or_reissue",
  "other_no_correction",
  "other_fee_unpaid",
  "other_other",
] as const;
export type LeafKey2021 = (typeof LEAF_KEYS_2021)[number];

/** The three （六） leaves of 2021 that the 2019 format prints as the one row `other`. */
export const OTHER_LEAF_KEYS_2021 = ["other_no_correction", "other_fee_unpaid", "other_other"] as const satisfies readonly LeafKey2021[];

const OTHER_LEAF_KEY_SET: ReadonlySet<LeafKey2021> = new Set(OTHER_LEAF_KEYS_2021);

export const LEAF_KEYS_2019 = [...LEAF_KEYS_2021.filter((key) => !OTHER_LEAF_KEY_SET.has(key)), "other"] as const;

export type LeafKey = LeafKey2021 | "other";

export const LEAF_KEYS: Record<ReportFormat, readonly LeafKey[]> = {
  "2019": LEAF_KEYS_2019,
  "2021": LEAF_KEYS_2021,
};

export type RowKey = "new_received" | "carried_in" | LeafKey | "closed_total" | "carried_out";

export const ROW_KEYS: Record<ReportFormat, readonly RowKey[]> = {
  "2019": ["new_received", "carried_in", ...LEAF_KEYS_2019, "closed_total", "carried_out"],
  "2021": ["new_received", "carried_in", ...LEAF_KEYS_2021, "closed_total", "carried_out"],
};

export function isLeafKey(key: RowKey): key is LeafKey {
  return key !== "new_received" && key !== "carried_in" && key !== "closed_total" && key !== "carried_out";
}

/** Outcome enum ↔ 2021 leaf key: the enum names are the keys in upper case. */
export const OUTCOME_LEAF_KEYS: Record<Outcome, LeafKey2021> = {
  GRANTED: "granted",
  PARTIALLY_GRANTED: "partially_granted",
  WITHHELD_STATE_SECRET: "withheld_state_secret",
  WITHHELD_PROHIBITED_BY_LAW: "withheld_prohibited_by_law",
  WITHHELD_SECURITY_STABILITY: "withheld_security_stability",
  WITHHELD_THIRD_PARTY_RIGHTS: "withheld_third_party_rights",
  WITHHELD_INTERNAL_AFFAIRS: "withheld_internal_affairs",
  WITHHELD_PROCESS_INFORMATION: "withheld_process_information",
  WITHHELD_ENFORCEMENT_FILE: "withheld_enforcement_file",
  WITHHELD_ADMINISTRATIVE_QUERY: "withheld_administrative_query",
  UNAVAILABLE_NOT_HELD: "unavailable_not_held",
  UNAVAILABLE_NEEDS_CREATION: "unavailable_needs_creation",
  UNAVAILABLE_UNCLEAR_AFTER_CORRECTION: "unavailable_unclear_after_correction",
  NOT_PROCESSED_COMPLAINT: "not_processed_complaint",
  NOT_PROCESSED_REPEAT: "not_processed_repeat",
  NOT_PROCESSED_PUBLICATION: "not_processed_publication",
  NOT_PROCESSED_EXCESSIVE: "not_processed_excessive",
  NOT_PROCESSED_CONFIRM_OR_REISSUE: "not_processed_confirm_or_reissue",
  OTHER_NO_CORRECTION: "other_no_correction",
  OTHER_FEE_UNPAID: "other_fee_unpaid",
  OTHER_OTHER: "other_other",
};

export const LEAF_KEY_OUTCOMES = Object.fromEntries(
  Object.entries(OUTCOME_LEAF_KEYS).map(([outcome, leafKey]) => [leafKey, outcome]),
) as Record<LeafKey2021, Outcome>;

/** The row a closed case's outcome is counted in, in the given format. */
export function leafKeyForOutcome(outcome: Outcome, format: ReportFormat): LeafKey {
  const leafKey = OUTCOME_LEAF_KEYS[outcome];
  return format === "2019" && OTHER_LEAF_KEY_SET.has(leafKey) ? "other" : leafKey;
}

/** The outcomes one leaf row counts (three for the 2019 `other`, otherwise one). */
export function outcomesForLeafKey(leafKey: LeafKey): Outcome[] {
  if (leafKey === "other") return OTHER_LEAF_KEYS_2021.map((key) => LEAF_KEY_OUTCOMES[key]);
  return [LEAF_KEY_OUTCOMES[leafKey]];
}

const SECTION_THREE_LABEL = "三、本年度办理结果";
const GROUP_WITHHELD = "（三）不予公开";
const GROUP_UNAVAILABLE = "（四）无法提供";
const GROUP_NOT_PROCESSED = "（五）不予处理";
const GROUP_OTHER = "（六）其他处理";

export interface ApplicationsRowDefinition {
  key: RowKey;
  /** The text of the row's own (innermost) label cell, verbatim. */
  label: string;
  /** The spanning label cells that enclose it, outermost first (e.g. 三、本年度办理结果, （三）不予公开). */
  groups: readonly string[];
  /** A short reference for messages: 一, 二, （一）, （三）1, （七）, 四. */
  reference: string;
}

function leafRow(key: RowKey, label: string, groups: readonly string[], reference: string): ApplicationsRowDefinition {
  return { key, label, groups: [SECTION_THREE_LABEL, ...groups], reference };
}

const ROWS_BEFORE_OTHER: readonly ApplicationsRowDefinition[] = [
  { key: "new_received", label: "一、本年新收政府信息公开申请数量", groups: [], reference: "一" },
  { key: "carried_in", label: "二、上年结转政府信息公开申请数量", groups: [], reference: "二" },
  leafRow("granted", "（一）予以公开", [], "（一）"),
  leafRow("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [], "（二）"),
  leafRow("withheld_state_secret", "1.属于国家秘密", [GROUP_WITHHELD], "（三）1"),
  leafRow("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", [GROUP_WITHHELD], "（三）2"),
  leafRow("withheld_security_stability", "3.危及“三安全一稳定”", [GROUP_WITHHELD], "（三）3"),
  leafRow("withheld_third_party_rights", "4.保护第三方合法权益", [GROUP_WITHHELD], "（三）4"),
  leafRow("withheld_internal_affairs", "5.属于三类内部事务信息", [GROUP_WITHHELD], "（三）5"),
  leafRow("withheld_process_information", "6.属于四类过程性信息", [GROUP_WITHHELD], "（三）6"),
  leafRow("withheld_enforcement_file", "7.属于行政执法案卷", [GROUP_WITHHELD], "（三）7"),
  leafRow("withheld_administrative_query", "8.属于行政查询事项", [GROUP_WITHHELD], "（三）8"),
  leafRow("unavailable_not_held", "1.本机关不掌握相关政府信息", [GROUP_UNAVAILABLE], "（四）1"),
  leafRow("unavailable_needs_creation", "2.没有现成信息需要另行制作", [GROUP_UNAVAILABLE], "（四）2"),
  leafRow("unavailable_unclear_after_correction", "3.补正后申请内容仍不明确", [GROUP_UNAVAILABLE], "（四）3"),
  leafRow("not_processed_complaint", "1.信访举报投诉类申请", [GROUP_NOT_PROCESSED], "（五）1"),
  leafRow("not_processed_repeat", "2.重复申请", [GROUP_NOT_PROCESSED], "（五）2"),
  leafRow("not_processed_publication", "3.要求提供公开出版物", [GROUP_NOT_PROCESSED], "（五）3"),
  leafRow("not_processed_excessive", "4.无正当理由大量反复申请", [GROUP_NOT_PROCESSED], "（五）4"),
  leafRow("not_processed_confirm_or_reissue", "5.要求行政机关确认或重新出具已获取信息", [GROUP_NOT_PROCESSED], "（五）5"),
];

const ROWS_AFTER_OTHER: readonly ApplicationsRowDefinition[] = [
  leafRow("closed_total", "（七）总计", [], "（七）"),
  { key: "carried_out", label: "四、结转下年度继续办理", groups: [], reference: "四" },
];

/** Table 三 row by row, in table order, for each format. */
export const APPLICATIONS_ROWS: Record<ReportFormat, readonly ApplicationsRowDefinition[]> = {
  "2021": [
    ...ROWS_BEFORE_OTHER,
    leafRow(
      "other_no_correction",
      "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
      [GROUP_OTHER],
      "（六）1",
    ),
    leafRow(
      "other_fee_unpaid",
      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
      [GROUP_OTHER],
      "（六）2",
    ),
    leafRow("other_other", "3.其他", [GROUP_OTHER], "（六）3"),
    ...ROWS_AFTER_OTHER,
  ],
  "2019": [...ROWS_BEFORE_OTHER, leafRow("other", GROUP_OTHER, [], "（六）"), ...ROWS_AFTER_OTHER],
};

export function applicationsRowDefinition(format: ReportFormat, key: RowKey): ApplicationsRowDefinition {
  const definition = APPLICATIONS_ROWS[format].find((row) => row.key === key);
  if (!definition) throw new Error(`${format} 年格式没有“${key}”行`);
  return definition;
}

/** @public Read by scripts/cli.ts (its report text), which imports this module dynamically. */
export const APPLICATIONS_TABLE_TITLE = "三、收到和处理政府信息公开申请情况";

// ---------------------------------------------------------------------------------------------
// Table 四

export const APPEAL_GROUP_KEYS = ["reconsideration", "litigation_direct", "litigation_after_reconsideration"] as const;
export type AppealGroupKey = (typeof APPEAL_GROUP_KEYS)[number];

export const APPEAL_COLUMN_KEYS = ["upheld", "corrected", "other", "pending", "total"] as const;
export type AppealColumnKey = (typeof APPEAL_COLUMN_KEYS)[number];
export type AppealResultColumnKey = Exclude<AppealColumnKey, "pending" | "total">;

export const APPEAL_GROUP_LABELS: Record<AppealGroupKey, string> = {
  reconsideration: "行政复议",
  litigation_direct: "未经复议直接起诉",
  litigation_after_reconsideration: "复议后起诉",
};

/** The header cell above a group: 行政诉讼 spans its two sub-groups; 行政复议 has none. */
/** @public Read by scripts/cli.ts (its report text), which imports this module dynamically. */
export const APPEAL_GROUP_PARENT_LABELS: Record<AppealGroupKey, string | null> = {
  reconsideration: null,
  litigation_direct: "行政诉讼",
  litigation_after_reconsideration: "行政诉讼",
};

export const APPEAL_COLUMN_LABELS: Record<AppealColumnKey, string> = {
  upheld: "结果维持",
  corrected: "结果纠正",
  other: "其他结果",
  pending: "尚未审结",
  total: "总计",
};

export const PROCEEDING_RESULT_COLUMN_KEYS: Record<ProceedingResult, AppealResultColumnKey> = {
  UPHELD: "upheld",
  CORRECTED: "corrected",
  OTHER: "other",
};

/** The group of table 四 a proceeding belongs to (rules.md §3: 复议后起诉 never also counts as 直接起诉). */
export function appealGroupOf(proceeding: { kind: ProceedingKind; route: LitigationRoute | null }): AppealGroupKey {
  if (proceeding.kind === "RECONSIDERATION") return "reconsideration";
  return proceeding.route === "AFTER_RECONSIDERATION" ? "litigation_after_reconsideration" : "litigation_direct";
}

/** @public Read by scripts/cli.ts (its report text), which imports this module dynamically. */
export const APPEALS_TABLE_TITLE = "四、政府信息公开行政复议、行政诉讼情况";

// ---------------------------------------------------------------------------------------------
// Section 六: fees

export const FEE_KEYS = ["notices", "amount_noticed", "amount_collected"] as const;
export type FeeKey = (typeof FEE_KEYS)[number];

export const FEE_LABELS: Record<FeeKey, string> = {
  notices: "本年度发出收费通知的件数",
  amount_noticed: "收费通知的总金额（元）",
  amount_collected: "实际收取的总金额（元）",
};

// ---------------------------------------------------------------------------------------------
// The report as data (interfaces.md §3)

/** Seven counts in COLUMN_KEYS order. */
export type ColumnCounts = number[];

export interface ApplicationsTable {
  columns: ColumnKey[];
  /** Exactly the keys of ROW_KEYS[format], in that order. */
  rows: Partial<Record<RowKey, ColumnCounts>>;
}

export type AppealsGroupCounts = Record<AppealColumnKey, number>;
export type AppealsTable = Record<AppealGroupKey, AppealsGroupCounts>;

export interface FeesSummary {
  notices: number;
  /** Yuan with two decimals, e.g. "1230.50". */
  amount_noticed: string;
  amount_collected: string;
}

/** What the case log determines for a year: the report as data without `org` and `checks`. */
export interface ReportFigures {
  year: number;
  format: ReportFormat;
  applications: ApplicationsTable;
  appeals: AppealsTable;
  fees: FeesSummary;
}

/** The report as data, exactly interfaces.md §3 (key order included). */
export interface ReportJson extends ReportFigures {
  org: string;
  checks: ReportCheck[];
}

/** The counts of one row, or an error when the row is not in this report's format. */
export function rowCounts(applications: ApplicationsTable, key: RowKey): ColumnCounts {
  const counts = applications.rows[key];
  if (!counts) throw new Error(`报告中没有“${key}”行`);
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Cells: what a figure counts, for drill-down and frozen snapshots

export type ApplicationsCellId = `applications.${RowKey}.${ColumnKey}`;
export type AppealsCellId = `appeals.${AppealGroupKey}.${AppealColumnKey}`;
export type FeesCellId = `fees.${FeeKey}`;
export type ReportCellId = ApplicationsCellId | AppealsCellId | FeesCellId;

/** For each non-zero cell, the ids of what it counts: cases, or proceedings for table 四. */
export type ReportCells = Partial<Record<ReportCellId, string[]>>;

export type ParsedReportCell =
  | { table: "applications"; row: RowKey; column: ColumnKey }
  | { table: "appeals"; group: AppealGroupKey; column: AppealColumnKey }
  | { table: "fees"; fee: FeeKey };

export function applicationsCellId(row: RowKey, column: ColumnKey): ApplicationsCellId {
  return `applications.${row}.${column}`;
}

export function appealsCellId(group: AppealGroupKey, column: AppealColumnKey): AppealsCellId {
  return `appeals.${group}.${column}`;
}

export function feesCellId(fee: FeeKey): FeesCellId {
  return `fees.${fee}`;
}

function includes<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** Reads a cell id of this format (e.g. "applications.granted.natural_person"); null when there is none. */
export function parseReportCellId(cell: string, format: ReportFormat): ParsedReportCell | null {
  const parts = cell.split(".");
  const [table, first, second] = parts;
  if (table === "applications" && parts.length === 3 && first && second) {
    if (includes(ROW_KEYS[format], first) && includes(COLUMN_KEYS, second)) return { table, row: first, column: second };
  } else if (table === "appeals" && parts.length === 3 && first && second) {
    if (includes(APPEAL_GROUP_KEYS, first) && includes(APPEAL_COLUMN_KEYS, second)) return { table, group: first, column: second };
  } else if (table === "fees" && parts.length === 2 && first) {
    if (includes(FEE_KEYS, first)) return { table, fee: first };
  }
  return null;
}

/** Every cell id of a format, in table order. */
export function reportCellIds(format: ReportFormat): ReportCellId[] {
  const cells: ReportCellId[] = [];
  for (const row of ROW_KEYS[format]) for (const column of COLUMN_KEYS) cells.push(applicationsCellId(row, column));
  for (const group of APPEAL_GROUP_KEYS) for (const column of APPEAL_COLUMN_KEYS) cells.push(appealsCellId(group, column));
  for (const fee of FEE_KEYS) cells.push(feesCellId(fee));
  return cells;
}

/** A readable name of a cell, e.g. "（三）1 属于国家秘密 · 自然人". */
export function describeReportCell(cell: ParsedReportCell, format: ReportFormat): string {
  if (cell.table === "applications") {
    const row = applicationsRowDefinition(format, cell.row);
    const label = row.label.replace(/^[一二三四]、|^（[一二三四五六七]）|^\d\./, "");
    return `${row.reference} ${label} · ${COLUMN_LABELS[cell.column]}`;
  }
  if (cell.table === "appeals") return `${APPEAL_GROUP_LABELS[cell.group]} · ${APPEAL_COLUMN_LABELS[cell.column]}`;
  return FEE_LABELS[cell.fee];
}

/** Amounts are decimal yuan strings in the figures and summed as whole fen, never as floats. */
const YUAN_PATTERN = /^(\d+)(?:\.(\d{1,2}))?$/;

export function yuanToFen(yuan: string): bigint {
  const match = YUAN_PATTERN.exec(yuan.trim());
  if (!match) throw new Error(`金额格式有误：${yuan}`);
  const [, whole = "0", fraction = ""] = match;
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

export function fenToYuan(fen: bigint): string {
  const whole = fen / 100n;
  const fraction = fen % 100n;
  return `${whole}.${fraction.toString().padStart(2, "0")}`;
}
