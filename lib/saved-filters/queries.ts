// Reading a user's saved filters of the case list: each user sees only their own.
import "server-only";
import { Prisma } from "@prisma/client";
import { readRows } from "../db";
import type { Actor } from "../auth/actor";
import { CASE_LIST_PATH } from "../cases/list-schemas";

export interface SavedCaseFilterRecord {
  id: string;
  name: string;
  /** The list's address the filter restores. */
  href: string;
}

export async function findSavedCaseFilters({ actor }: { actor: Actor }): Promise<SavedCaseFilterRecord[]> {
  // On every case list: straight to the pool (readRows, ADR 0099).
  const rows = await readRows<{ id: string; name: string; query: string }>(Prisma.sql`
    SELECT "id", "name", "query" FROM "SavedCaseFilter" WHERE "userId" = ${actor.userId} ORDER BY "name" ASC, "id" ASC`);
  return rows.map((row) => ({ id: row.id, name: row.name, href: row.query ? `${CASE_LIST_PATH}?${row.query}` : CASE_LIST_PATH }));
}
