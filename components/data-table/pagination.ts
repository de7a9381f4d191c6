// Page arithmetic for server-paginated lists. Pages are numbered from 1, as in the URL (?page=3).

/** Reads a `page` search parameter: a whole number from 1; anything else gives 1. */
export function parsePageParam(value: string | string[] | null | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw || !/^\d{1,9}$/.test(raw)) return 1;
  return Math.max(1, Number(raw));
}

/** The number of pages for `total` rows (at least 1, so that an empty list still has its page 1). */
export function countPages(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

/**
 * The page numbers to offer as links: the first, the last, and `siblings` on each side of the current
 * page; `null` marks a gap ("…"). A gap never hides a single page: that page is shown instead.
 * pageWindow(5, 10) → [1, null, 4, 5, 6, null, 10].
 */
export function pageWindow(currentPage: number, totalPages: number, siblings = 1): (number | null)[] {
  const shown = new Set<number>([1, totalPages]);
  for (let page = currentPage - siblings; page <= currentPage + siblings; page++) {
    if (page >= 1 && page <= totalPages) shown.add(page);
  }
  const sorted = [...shown].sort((a, b) => a - b);
  const window: (number | null)[] = [];
  for (const page of sorted) {
    const previous = window.at(-1);
    if (typeof previous === "number" && page - previous === 2) window.push(previous + 1);
    else if (typeof previous === "number" && page - previous > 2) window.push(null);
    window.push(page);
  }
  return window;
}
