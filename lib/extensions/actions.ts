"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { parseInput } from "../validation";
import { expectedVersionSchema } from "../concurrency/versions";
import { revalidateCase } from "../cases/revalidate";
import { approveExtensionRequest, rejectExtensionRequest, requestExtension, withdrawExtensionRequest } from "./mutations";

function revalidate(applicationId: string) {
  revalidateCase(applicationId);
  revalidatePath("/");
  revalidatePath("/notifications");
}

/** The handler's request: { workdays, reason } from the step panel, `version` the case's as loaded. */
export async function requestExtensionAction(applicationId: string, version: unknown, input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await requestExtension({ actor, applicationId, input, expectedVersion, today: todayInShanghai() });
    revalidate(applicationId);
    return { message: "已提交延期申请，待负责人批准；批准前答复期限不变" };
  });
}

/** `version` is the request's as the page showed it. */
export async function approveExtensionRequestAction(applicationId: string, requestId: string, version: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    const { dueOn } = await approveExtensionRequest({ actor, requestId, expectedVersion, today: todayInShanghai() });
    revalidate(applicationId);
    return { message: `已批准延期，答复期限延至 ${dueOn ?? "—"}` };
  });
}

export async function rejectExtensionRequestAction(applicationId: string, requestId: string, version: unknown, note: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await rejectExtensionRequest({ actor, requestId, input: { note }, expectedVersion });
    revalidate(applicationId);
    return { message: "已驳回延期申请，已通知申请人" };
  });
}

export async function withdrawExtensionRequestAction(applicationId: string, requestId: string, version: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await withdrawExtensionRequest({ actor, requestId, expectedVersion });
    revalidate(applicationId);
    return { message: "已撤回延期申请" };
  });
}
