// The arithmetic of a government's combined report (rules.md §8): the cell-by-cell sum of its
// members' tables 三 and 四 and section 六's fee figures, in one format. Pure.
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_GROUP_KEYS,
  COLUMN_KEYS,
  OTHER_LEAF_KEYS_2021,
  ROW_KEYS,
  type AppealsTable,
  type ApplicationsTable,
  type ParsedReportCell,
  type ReportFigures,
  type ReportFormat,
} from "../reports/definitions";
import { fenToYuan, yuanToFen } from "../reports/definitions";

const zeros = () => COLUMN_KEYS.map(() => 0);

/**
 * A report's figures in `format`: the same, or a 2021 report in the 2019 format (its three （六）
 * leaves summed into the one row `other`). Null for a 2019 report asked in the 2021 format: the split
 * of （六） is not in it.
 */
export function figuresInFormat(figures: ReportFigures, format: ReportFormat): ReportFigures | null {
  if (figures.format === format) return figures;
  if (figures.format === "2019") return null;
  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS["2019"]) {
    rows[key] =
      key === "other"
        ? COLUMN_KEYS.map((_column, index) => OTHER_LEAF_KEYS_2021.reduce((sum, leaf) => sum + (figures.applications.rows[leaf]?.[index] ?? 0), 0))
        : [...(figures.applications.rows[key] ?? zeros())];
  }
  return { ...figures, format, applications: { columns: [...COLUMN_KEYS], rows } };
}

/** The cell-by-cell sum of reports of one year in one format (an empty list gives zeros). */
export function sumFigures(year: number, format: ReportFormat, parts: readonly ReportFigures[]): ReportFigures {
  const rows: ApplicationsTable["rows"] = {};
  for (const key of ROW_KEYS[format]) {
    rows[key] = COLUMN_KEYS.map((_column, index) => parts.reduce((sum, part) => sum + (part.applications.rows[key]?.[index] ?? 0), 0));
  }
  const appeals = {} as AppealsTable;
  for (const group of APPEAL_GROUP_KEYS) {
    appeals[group] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    for (const column of APPEAL_COLUMN_KEYS) appeals[group][column] = parts.reduce((sum, part) => sum + part.appeals[group][column], 0);
  }
  const fen = (pick: (part: ReportFigures) => string) => fenToYuan(parts.reduce((sum, part) => sum + yuanToFen(pick(part)), 0n));
  return {
    year,
    format,
    applications: { columns: [...COLUMN_KEYS], rows },
    appeals,
    fees: {
      notices: parts.reduce((sum, part) => sum + part.fees.notices, 0),
      amount_noticed: fen((part) => part.fees.amount_noticed),
      amount_collected: fen((part) => part.fees.amount_collected),
    },
  };
}

/** The sum of 7-column rows (四 of several reports). */
export function sumColumns(rows: readonly (readonly number[])[]): number[] {
  return COLUMN_KEYS.map((_column, index) => rows.reduce((sum, row) => sum + (row[index] ?? 0), 0));
}

/** One figure of a report: a count, or for the fee amounts yuan as text. */
export function cellValueOf(figures: ReportFigures, cell: ParsedReportCell): number | string {
  if (cell.table === "applications") return figures.applications.rows[cell.row]?.[COLUMN_KEYS.indexOf(cell.column)] ?? 0;
  if (cell.table === "appeals") return figures.appeals[cell.group][cell.column];
  return figures.fees[cell.fee];
}
