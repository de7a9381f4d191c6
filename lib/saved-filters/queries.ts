// Reading a user's saved filters of the case list: each user sees only their own.
import "server-only";
import { db } from "../db";
import type { Actor } from "../auth/actor";
import { CASE_LIST_PATH } from "../cases/list-schemas";

export interface SavedCaseFilterRecord {
  id: string;
  name: string;
  /** The list's address the filter restores. */
  href: string;
}

export async function findSavedCaseFilters({ actor }: { actor: Actor }): Promise<SavedCaseFilterRecord[]> {
  const rows = await db.savedCaseFilter.findMany({
    where: { userId: actor.userId },
    select: { id: true, name: true, query: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({ id: row.id, name: row.name, href: row.query ? `${CASE_LIST_PATH}?${row.query}` : CASE_LIST_PATH }));
}
