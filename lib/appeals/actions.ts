"use server";
// Server actions of 行政复议 and 行政诉讼: authenticate, validate the version, call lib/appeals/mutations.ts.

import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { parseInput } from "../validation";
import { expectedVersionSchema } from "../concurrency/versions";
import { revalidateCase } from "../cases/revalidate";
import { addProceeding, deleteProceeding, updateProceeding } from "./mutations";

/** Adds (proceedingId null) or updates a 复议/诉讼; `version` is the proceeding's as loaded (ignored when adding). */
export async function saveProceedingAction(
  applicationId: string,
  proceedingId: string | null,
  version: unknown,
  payload: unknown,
): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    if (proceedingId) {
      const expectedVersion = parseInput(expectedVersionSchema, version);
      await updateProceeding({ actor, proceedingId, input: payload, expectedVersion });
    } else {
      await addProceeding({ actor, applicationId, input: payload });
    }
    revalidateCase(applicationId);
    return { message: proceedingId ? "已更新复议或诉讼" : "已登记复议或诉讼" };
  });
}

export async function deleteProceedingAction(applicationId: string, proceedingId: string, version: unknown, reason: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await deleteProceeding({ actor, proceedingId, reason, expectedVersion });
    revalidateCase(applicationId);
    return { message: "已删除该复议或诉讼" };
  });
}
