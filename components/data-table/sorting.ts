// Sorting state <-> URL parameter, for lists whose sorting is done by the server ("manual" mode).
// The parameter is `<columnId>.<asc|desc>`, several separated by commas: "receivedOn.desc",
// "status.asc,receivedOn.desc". Column ids may themselves contain dots; the last dot separates the
// direction.
import type { SortingState } from "@tanstack/react-table";

export interface SortBy<TColumnId extends string = string> {
  id: TColumnId;
  desc: boolean;
}

const DIRECTIONS = { asc: false, desc: true } as const;

function isDirection(value: string): value is keyof typeof DIRECTIONS {
  return Object.hasOwn(DIRECTIONS, value);
}

/**
 * Reads a `sort` search parameter. Only the column ids in `sortableColumnIds` are accepted (the server
 * maps each to an `orderBy`, so nothing else may reach it); malformed or unknown entries and repeats of
 * a column are dropped. An absent or wholly invalid parameter gives [], for the caller's default order.
 */
export function parseSortParam<TColumnId extends string>(
  value: string | string[] | null | undefined,
  sortableColumnIds: readonly TColumnId[],
): SortBy<TColumnId>[] {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return [];
  const sorting: SortBy<TColumnId>[] = [];
  for (const entry of raw.split(",")) {
    const separator = entry.lastIndexOf(".");
    if (separator <= 0) continue;
    const id = entry.slice(0, separator);
    const direction = entry.slice(separator + 1);
    const columnId = sortableColumnIds.find((candidate) => candidate === id);
    if (!columnId || !isDirection(direction) || sorting.some((sort) => sort.id === columnId)) continue;
    sorting.push({ id: columnId, desc: DIRECTIONS[direction] });
  }
  return sorting;
}

/** The `sort` search parameter for a sorting state, or undefined for no sorting (leave it out of the URL). */
export function formatSortParam(sorting: SortingState): string | undefined {
  if (sorting.length === 0) return undefined;
  return sorting.map((sort) => `${sort.id}.${sort.desc ? "desc" : "asc"}`).join(",");
}
