// Table 二（主动公开政府信息情况）: entered by hand for the year, in the layout of the chosen format
// (reference.md §1.3 for 2021, §2.2 for 2019). Not derivable from the case log.
import { z } from "zod";

import type { ReportFormat } from "./definitions";

export interface DisclosureBlock {
  key: string;
  caption: string;
  columns: { key: string; label: string }[];
  rows: { key: string; label: string }[];
}

const REPORT_2021: DisclosureBlock[] = [
  {
    key: "item1",
    caption: "第二十条第（一）项",
    columns: [
      { key: "issued", label: "本年制发件数" },
      { key: "repealed", label: "本年废止件数" },
      { key: "inForce", label: "现行有效件数" },
    ],
    rows: [
      { key: "rules", label: "规章" },
      { key: "normativeDocuments", label: "行政规范性文件" },
    ],
  },
  {
    key: "item5",
    caption: "第二十条第（五）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [{ key: "licensing", label: "行政许可" }],
  },
  {
    key: "item6",
    caption: "第二十条第（六）项",
    columns: [{ key: "decisions", label: "本年处理决定数量" }],
    rows: [
      { key: "penalty", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
  },
  {
    key: "item8",
    caption: "第二十条第（八）项",
    columns: [{ key: "amount", label: "本年收费金额（单位：万元）" }],
    rows: [{ key: "fees", label: "行政事业性收费" }],
  },
];

const PROJECT_COLUMNS = [
  { key: "previousYear", label: "上一年项目数量" },
  { key: "change", label: "本年增/减" },
  { key: "decisions", label: "处理决定数量" },
];

const REPORT_2019: DisclosureBlock[] = [
  {
    key: "item1",
    caption: "第二十条第（一）项",
    columns: [
      { key: "made", label: "本年新制作数量" },
      { key: "published", label: "本年新公开数量" },
      { key: "total", label: "对外公开总数量" },
    ],
    rows: [
      { key: "rules", label: "规章" },
      { key: "normativeDocuments", label: "规范性文件" },
    ],
  },
  {
    key: "item5",
    caption: "第二十条第（五）项",
    columns: PROJECT_COLUMNS,
    rows: [
      { key: "licensing", label: "行政许可" },
      { key: "otherServices", label: "其他对外管理服务事项" },
    ],
  },
  {
    key: "item6",
    caption: "第二十条第（六）项",
    columns: PROJECT_COLUMNS,
    rows: [
      { key: "penalty", label: "行政处罚" },
      { key: "enforcement", label: "行政强制" },
    ],
  },
  {
    key: "item8",
    caption: "第二十条第（八）项",
    columns: PROJECT_COLUMNS.slice(0, 2),
    rows: [{ key: "fees", label: "行政事业性收费" }],
  },
  {
    key: "item9",
    caption: "第二十条第（九）项",
    columns: [
      { key: "projects", label: "采购项目数量" },
      { key: "amount", label: "采购总金额" },
    ],
    rows: [{ key: "procurement", label: "政府集中采购" }],
  },
];

export function disclosureBlocks(format: ReportFormat): DisclosureBlock[] {
  return format === "2019" ? REPORT_2019 : REPORT_2021;
}

export function disclosureFieldKey(block: DisclosureBlock, row: { key: string }, column: { key: string }): string {
  return `${block.key}.${row.key}.${column.key}`;
}

/** Every field of the format, with its Chinese label for messages. */
export function disclosureFields(format: ReportFormat): { key: string; label: string; allowsNegative: boolean; allowsDecimal: boolean }[] {
  return disclosureBlocks(format).flatMap((block) =>
    block.rows.flatMap((row) =>
      block.columns.map((column) => ({
        key: disclosureFieldKey(block, row, column),
        label: `${block.caption} ${row.label}·${column.label}`,
        allowsNegative: column.key === "change",
        allowsDecimal: column.key === "amount",
      })),
    ),
  );
}

/** Validates the entered values of one format: blank is allowed (not yet filled), numbers otherwise. */
export function activeDisclosureSchema(format: ReportFormat) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of disclosureFields(format)) {
    const pattern = field.allowsDecimal ? /^\d{1,9}(\.\d{1,4})?$/ : field.allowsNegative ? /^-?\d{1,9}$/ : /^\d{1,9}$/;
    const hint = field.allowsDecimal ? "非负数，最多 4 位小数" : field.allowsNegative ? "整数，可为负数" : "非负整数";
    shape[field.key] = z
      .string()
      .trim()
      .refine((value) => value === "" || pattern.test(value), `${field.label}应为${hint}`)
      .optional();
  }
  return z.object(shape);
}
