// The official layout of tables 二, 三 and 四 as a grid of cells with their spans: one description that
// the report page (HTML), the Excel export and the Word export all render, so the three agree. Pure.
import {
  APPEAL_COLUMN_KEYS,
  APPEAL_COLUMN_LABELS,
  APPEAL_GROUP_KEYS,
  APPEAL_GROUP_LABELS,
  APPLICANT_HEADER_LABEL,
  APPLICATIONS_ROWS,
  BALANCE_NOTE,
  COLUMN_KEYS,
  COLUMN_LABELS,
  ORGANIZATION_COLUMNS_HEADER_LABEL,
  ORGANIZATION_COLUMN_KEYS,
  appealsCellId,
  applicationsCellId,
  type AppealsTable,
  type ApplicationsTable,
  type ReportCellId,
  type ReportFormat,
} from "./definitions";
import { disclosureBlocks, disclosureFieldKey } from "./active-disclosure";

export interface GridCell {
  text: string;
  rowSpan?: number;
  colSpan?: number;
  /** A header or label cell (bold, centred in exports). */
  header?: boolean;
  /** A figure: right-aligned; with `cellId` it links to the cases it counts. */
  value?: number | string;
  cellId?: ReportCellId;
  /** A table 二 field (lib/reports/active-disclosure.ts), for the form that edits it. */
  fieldKey?: string;
}

export type Grid = GridCell[][];

/** Table 三 with its 3-row header (the 勾稽 note spans 3 rows × 3 columns). */
export function applicationsGrid(format: ReportFormat, applications: ApplicationsTable): Grid {
  const grid: Grid = [
    [
      { text: BALANCE_NOTE, rowSpan: 3, colSpan: 3, header: true },
      { text: APPLICANT_HEADER_LABEL, colSpan: 7, header: true },
    ],
    [
      { text: COLUMN_LABELS.natural_person, rowSpan: 2, header: true },
      { text: ORGANIZATION_COLUMNS_HEADER_LABEL, colSpan: 5, header: true },
      { text: COLUMN_LABELS.total, rowSpan: 2, header: true },
    ],
    ORGANIZATION_COLUMN_KEYS.map((key) => ({ text: COLUMN_LABELS[key], header: true })),
  ];
  const rows = APPLICATIONS_ROWS[format];
  rows.forEach((row, index) => {
    const cells: GridCell[] = [];
    const [outer, inner] = row.groups;
    const previous = rows[index - 1];
    if (!outer) {
      cells.push({ text: row.label, colSpan: 3, header: true });
    } else {
      if (previous?.groups[0] !== outer) {
        cells.push({ text: outer, rowSpan: rows.filter((other) => other.groups[0] === outer).length, header: true });
      }
      if (!inner) {
        cells.push({ text: row.label, colSpan: 2, header: true });
      } else {
        if (previous?.groups[1] !== inner) {
          cells.push({ text: inner, rowSpan: rows.filter((other) => other.groups[1] === inner).length, header: true });
        }
        cells.push({ text: row.label, header: true });
      }
    }
    const counts = applications.rows[row.key] ?? [];
    COLUMN_KEYS.forEach((column, columnIndex) => {
      const value = counts[columnIndex] ?? 0;
      cells.push({ text: String(value), value, cellId: applicationsCellId(row.key, column) });
    });
    grid.push(cells);
  });
  return grid;
}

/** Table 四: 15 columns under a 3-row header, one row of figures. */
export function appealsGrid(appeals: AppealsTable): Grid {
  const columnHeaders = APPEAL_COLUMN_KEYS.map((key) => ({ text: APPEAL_COLUMN_LABELS[key], header: true }));
  return [
    [
      { text: APPEAL_GROUP_LABELS.reconsideration, colSpan: 5, header: true },
      { text: "行政诉讼", colSpan: 10, header: true },
    ],
    [
      ...columnHeaders.map((cell) => ({ ...cell, rowSpan: 2 })),
      { text: APPEAL_GROUP_LABELS.litigation_direct, colSpan: 5, header: true },
      { text: APPEAL_GROUP_LABELS.litigation_after_reconsideration, colSpan: 5, header: true },
    ],
    [...columnHeaders, ...columnHeaders],
    APPEAL_GROUP_KEYS.flatMap((group) =>
      APPEAL_COLUMN_KEYS.map((column) => {
        const value = appeals[group][column];
        return { text: String(value), value, cellId: appealsCellId(group, column) };
      }),
    ),
  ];
}

/** Table 二: stacked blocks of 4 columns, each opened by a caption row. */
export function activeDisclosureGrid(format: ReportFormat, values: Record<string, string | undefined>): Grid {
  const grid: Grid = [];
  for (const block of disclosureBlocks(format)) {
    grid.push([{ text: block.caption, colSpan: 4, header: true }]);
    // The columns of a block share the three data columns; a single column spans all three.
    const spans = block.columns.length === 1 ? [3] : block.columns.length === 2 ? [1, 2] : [1, 1, 1];
    grid.push([
      { text: "信息内容", header: true },
      ...block.columns.map((column, index) => ({ text: column.label, colSpan: spans[index], header: true })),
    ]);
    for (const row of block.rows) {
      grid.push([
        { text: row.label, header: true },
        ...block.columns.map((column, index) => {
          const fieldKey = disclosureFieldKey(block, row, column);
          const value = values[fieldKey] ?? "";
          return { text: value, value, colSpan: spans[index], fieldKey };
        }),
      ]);
    }
  }
  return grid;
}

export interface PlacedCell {
  row: number;
  column: number;
  cell: GridCell;
}

/** Absolute positions (0-based) of a grid's cells, skipping the places covered by spans. */
export function placeGrid(grid: Grid): PlacedCell[] {
  const covered = new Set<string>();
  const placed: PlacedCell[] = [];
  grid.forEach((cells, row) => {
    let column = 0;
    for (const cell of cells) {
      while (covered.has(`${row}:${column}`)) column += 1;
      placed.push({ row, column, cell });
      for (let r = 0; r < (cell.rowSpan ?? 1); r += 1) {
        for (let c = 0; c < (cell.colSpan ?? 1); c += 1) covered.add(`${row + r}:${column + c}`);
      }
      column += cell.colSpan ?? 1;
    }
  });
  return placed;
}
