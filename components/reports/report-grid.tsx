import { Link } from "@/components/link";
import type { Grid } from "@/lib/reports/layout";
import styles from "./reports.module.css";

/** Renders a table grid of lib/reports/layout.ts; non-zero figures link to the cases they count. */
export function ReportGrid({ grid, cellHref, testId }: { grid: Grid; cellHref?: (cellId: string) => string; testId?: string }) {
  return (
    <div className="table-wrap">
      <table className={styles.official} data-testid={testId}>
        <tbody>
          {grid.map((cells, rowIndex) => (
            <tr key={rowIndex}>
              {cells.map((cell, cellIndex) => {
                const Tag = cell.header ? "th" : "td";
                const linked = cellHref && cell.cellId && typeof cell.value === "number" && cell.value !== 0;
                return (
                  <Tag
                    key={cellIndex}
                    rowSpan={cell.rowSpan}
                    colSpan={cell.colSpan}
                    className={cell.header ? styles.label : styles.figure}
                    data-cell={cell.cellId}
                  >
                    {linked ? (
                      <Link href={cellHref(cell.cellId!)} data-testid={`cell-${cell.cellId}`}>
                        {cell.text}
                      </Link>
                    ) : (
                      cell.text
                    )}
                  </Tag>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
