import { describe, expect, it } from "vitest";
import { ROW_KEYS } from "./definitions";
import { activeDisclosureGrid, appealsGrid, applicationsGrid, placeGrid } from "./layout";

const zeros = () => [0, 0, 0, 0, 0, 0, 0];

/** Each row's covered columns, counting spans from rows above; every row must cover 0..width-1 once. */
function coverage(grid: Parameters<typeof placeGrid>[0]): number[][] {
  const rows: number[][] = grid.map(() => []);
  for (const { row, column, cell } of placeGrid(grid)) {
    for (let r = 0; r < (cell.rowSpan ?? 1); r += 1) for (let c = 0; c < (cell.colSpan ?? 1); c += 1) rows[row + r]!.push(column + c);
  }
  return rows.map((columns) => columns.sort((a, b) => a - b));
}
const range = (width: number) => Array.from({ length: width }, (_, index) => index);

describe("the official table layouts", () => {
  it("table 三 (2021) is 3 header rows + 25 data rows, 10 columns wide, with 三 spanning 22 rows", () => {
    const rows = Object.fromEntries(ROW_KEYS["2021"].map((key) => [key, zeros()]));
    rows.granted = [1, 0, 0, 0, 0, 0, 1];
    const grid = applicationsGrid("2021", { columns: ["natural_person", "commercial_enterprise", "research_institution", "social_welfare_org", "legal_service_org", "other_org", "total"], rows });
    expect(grid).toHaveLength(28);
    const placed = placeGrid(grid);
    expect(coverage(grid).every((columns) => columns.join() === range(10).join())).toBe(true);
    const section = placed.find(({ cell }) => cell.text === "三、本年度办理结果")!;
    expect(section.cell.rowSpan).toBe(22);
    const granted = placed.find(({ cell }) => cell.cellId === "applications.granted.natural_person")!;
    expect(granted).toMatchObject({ column: 3, cell: { value: 1 } });
    expect(placed.find(({ cell }) => cell.text === "（三）不予公开")!.cell.rowSpan).toBe(8);
  });

  it("table 三 (2019) has one （六）其他处理 row and 三 spanning 20 rows", () => {
    const rows = Object.fromEntries(ROW_KEYS["2019"].map((key) => [key, zeros()]));
    const grid = applicationsGrid("2019", { columns: [], rows });
    expect(grid).toHaveLength(26);
    expect(coverage(grid).every((columns) => columns.join() === range(10).join())).toBe(true);
    expect(placeGrid(grid).find(({ cell }) => cell.text === "三、本年度办理结果")!.cell.rowSpan).toBe(20);
  });

  it("table 四 is 15 figures under 行政复议 (5) and 行政诉讼 (10)", () => {
    const group = { upheld: 2, corrected: 0, other: 1, pending: 1, total: 4 };
    const grid = appealsGrid({ reconsideration: group, litigation_direct: group, litigation_after_reconsideration: group });
    expect(grid[3]).toHaveLength(15);
    expect(coverage(grid).every((columns) => columns.join() === range(15).join())).toBe(true);
    const placed = placeGrid(grid);
    expect(placed.filter(({ row }) => row === 2).map(({ column }) => column)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it("table 二 blocks are 4 columns wide in both formats", () => {
    for (const format of ["2019", "2021"] as const) {
      expect(coverage(activeDisclosureGrid(format, {})).every((columns) => columns.join() === range(4).join())).toBe(true);
    }
  });
});
