// Pagination footer for a server-paginated list. No client state: every page is a link built by the
// caller from the URL, so it renders in a server page (pass `pageHref` there) as well as in a client
// component, and works without JavaScript.
import { Link } from "@/components/link";
import { countPages, pageWindow } from "./pagination";
import styles from "./data-table.module.css";

export interface DataTablePaginationProps {
  /** Current page, from 1 (as parsed with parsePageParam). */
  page: number;
  pageSize: number;
  /** Rows matching the filters, over all pages. */
  total: number;
  /** `total` is a lower bound (the count stopped there): shown as "N+". */
  totalIsLowerBound?: boolean;
  /** URL of a page, keeping the other search parameters (sort, filters). */
  pageHref: (page: number) => string;
}

export function DataTablePagination({ page, pageSize, total, totalIsLowerBound = false, pageHref }: DataTablePaginationProps) {
  const totalPages = countPages(total, pageSize);
  const currentPage = Math.min(Math.max(1, page), totalPages);
  const firstRow = total === 0 ? 0 : (currentPage - 1) * pageSize + 1;
  const lastRow = Math.min(total, currentPage * pageSize);
  return (
    <nav className={`${styles.pagination} no-print`} aria-label="分页" data-testid="pagination">
      <span className="muted">{total === 0 ? "共 0 条" : `共 ${total}${totalIsLowerBound ? "+" : ""} 条，当前第 ${firstRow}–${lastRow} 条`}</span>
      {totalPages > 1 ? (
        <ul className={styles.pages}>
          <li>
            {currentPage > 1 ? (
              <Link className="button small" href={pageHref(currentPage - 1)} rel="prev">
                上一页
              </Link>
            ) : (
              <span className={`button small ${styles.disabledPage}`} aria-disabled="true">
                上一页
              </span>
            )}
          </li>
          {pageWindow(currentPage, totalPages).map((pageNumber, index) =>
            pageNumber === null ? (
              <li key={`gap-${index}`} className={styles.pageGap} aria-hidden="true">
                …
              </li>
            ) : (
              <li key={pageNumber}>
                <Link
                  className={pageNumber === currentPage ? `button small ${styles.currentPage}` : "button small"}
                  href={pageHref(pageNumber)}
                  aria-current={pageNumber === currentPage ? "page" : undefined}
                  aria-label={`第 ${pageNumber} 页`}
                >
                  {pageNumber}
                </Link>
              </li>
            ),
          )}
          <li>
            {currentPage < totalPages ? (
              <Link className="button small" href={pageHref(currentPage + 1)} rel="next">
                下一页
              </Link>
            ) : (
              <span className={`button small ${styles.disabledPage}`} aria-disabled="true">
                下一页
              </span>
            )}
          </li>
        </ul>
      ) : null}
    </nav>
  );
}
