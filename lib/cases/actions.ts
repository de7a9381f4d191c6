"use server";

import { revalidatePath } from "next/cache";
import { runAction, formToObject } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { addProceeding, deleteProceeding, updateProceeding } from "../appeals/mutations";
import { assignHandler, correctCaseEvent, recordCaseEvent } from "./mutations";
import { CASE_EVENT_LABELS } from "./labels";

function casePath(applicationId: string) {
  return `/cases/${applicationId}`;
}

/** Records one step; `payload` is { type, occurredOn, details } as built by the step form. */
export async function recordCaseEventAction(applicationId: string, payload: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await recordCaseEvent({ actor, applicationId, input: payload, today: todayInShanghai() });
    revalidatePath(casePath(applicationId));
    const type = (payload as { type?: keyof typeof CASE_EVENT_LABELS }).type;
    return { message: `已登记：${type ? CASE_EVENT_LABELS[type] : "办理步骤"}` };
  });
}

export async function correctCaseEventAction(
  applicationId: string,
  eventId: string,
  payload: { replacement: unknown | null; reason: string },
): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await correctCaseEvent({ actor, eventId, replacement: payload.replacement, reason: payload.reason, today: todayInShanghai() });
    revalidatePath(casePath(applicationId));
    return { message: payload.replacement === null ? "已撤销该步骤" : "已更正该步骤" };
  });
}

export async function assignHandlerAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    await assignHandler({ actor, input: fields });
    revalidatePath(casePath(fields.applicationId ?? ""));
    return { message: "已更改经办人" };
  });
}

export async function saveProceedingAction(
  applicationId: string,
  proceedingId: string | null,
  payload: unknown,
): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    if (proceedingId) await updateProceeding({ actor, proceedingId, input: payload });
    else await addProceeding({ actor, applicationId, input: payload });
    revalidatePath(casePath(applicationId));
    return { message: proceedingId ? "已更新复议或诉讼" : "已登记复议或诉讼" };
  });
}

export async function deleteProceedingAction(applicationId: string, proceedingId: string, reason: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await deleteProceeding({ actor, proceedingId, reason });
    revalidatePath(casePath(applicationId));
    return { message: "已删除该复议或诉讼" };
  });
}
