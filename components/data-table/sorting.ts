// A table's sorting as it lives in the URL: `?sort=<column>.<asc|desc>`, the form the case list uses
// (lib/cases/list-schemas.ts). One column at a time, as the tables sort.
import type { SortingState } from "@tanstack/react-table";

/** Reads a `sort` search parameter against the sortable column ids; anything else gives no sorting. */
export function parseSortParam(value: string | string[] | null | undefined, columnIds: readonly string[]): SortingState {
  const raw = Array.isArray(value) ? value[0] : value;
  const match = raw ? /^([A-Za-z][\w-]{0,40})\.(asc|desc)$/.exec(raw) : null;
  if (!match || !columnIds.includes(match[1]!)) return [];
  return [{ id: match[1]!, desc: match[2] === "desc" }];
}

/** The `sort` parameter for a sorting, or null for none (the list's own order). */
export function formatSortParam(sorting: SortingState): string | null {
  const first = sorting[0];
  return first ? `${first.id}.${first.desc ? "desc" : "asc"}` : null;
}
