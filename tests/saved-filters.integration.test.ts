// Saved filters of the case list against the real database: each user's own, unique names per user,
// only the list's parameters, kept canonical.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { parseCaseListQuery } from "@/lib/cases/list-schemas";
import { deleteCaseFilter, saveCaseFilter } from "@/lib/saved-filters/mutations";
import { findSavedCaseFilters } from "@/lib/saved-filters/queries";
import { actorFor, createTestOrganization, createTestUser } from "./factories";

let clerk: Actor;
let colleague: Actor;
let outsider: Actor;

async function refusal(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  const organization = await createTestOrganization("庚区司法局");
  const other = await createTestOrganization("辛区司法局");
  clerk = actorFor(await createTestUser({ organizationId: organization.id, role: "CLERK" }));
  colleague = actorFor(await createTestUser({ organizationId: organization.id, role: "MANAGER" }));
  outsider = actorFor(await createTestUser({ organizationId: other.id, role: "CLERK" }));
});

describe("saved filters", () => {
  it("belong to their user: listed, restored and deleted by that user only", async () => {
    const { id } = await saveCaseFilter({ actor: clerk, input: { name: "我的逾期", query: "?due=overdue&handler=me&page=3" } });
    const [saved] = await findSavedCaseFilters({ actor: clerk });
    expect(saved?.name).toBe("我的逾期");
    // The link restores the filters (the page is not part of a filter).
    const restored = parseCaseListQuery(new URL(saved!.href, "http://localhost").searchParams);
    expect(restored).toMatchObject({ due: "overdue", handler: "me", page: 1 });

    expect(await findSavedCaseFilters({ actor: colleague })).toEqual([]);
    expect(await findSavedCaseFilters({ actor: outsider })).toEqual([]);
    expect((await refusal(deleteCaseFilter({ actor: colleague, id }))).code).toBe("NOT_FOUND");
    expect(await findSavedCaseFilters({ actor: clerk })).toHaveLength(1);

    await deleteCaseFilter({ actor: clerk, id });
    expect(await findSavedCaseFilters({ actor: clerk })).toEqual([]);
  });

  it("refuses a name the user already has, but not another user's", async () => {
    await saveCaseFilter({ actor: clerk, input: { name: "待办", query: "status=OPEN" } });
    const duplicate = await refusal(saveCaseFilter({ actor: clerk, input: { name: " 待办 ", query: "status=CLOSED" } }));
    expect(duplicate.code).toBe("CONFLICT");
    expect(duplicate.fieldErrors).toHaveProperty("name");
    await saveCaseFilter({ actor: colleague, input: { name: "待办", query: "status=CLOSED" } });
    expect((await findSavedCaseFilters({ actor: colleague })).map((filter) => filter.name)).toEqual(["待办"]);
  });

  it("keeps only the list's own parameters and needs a name", async () => {
    const unknown = await refusal(saveCaseFilter({ actor: clerk, input: { name: "奇怪", query: "status=OPEN&evil=1" } }));
    expect(unknown.code).toBe("VALIDATION");
    expect(unknown.message).toContain("evil");
    expect((await refusal(saveCaseFilter({ actor: clerk, input: { name: "  ", query: "" } }))).fieldErrors).toHaveProperty("name");
    // Invalid values of known parameters fall back to the list's defaults, as the list itself reads them.
    await saveCaseFilter({ actor: clerk, input: { name: "全部", query: "status=NOPE" } });
    const all = (await findSavedCaseFilters({ actor: clerk })).find((filter) => filter.name === "全部");
    expect(all?.href).toBe("/cases");
  });
});
