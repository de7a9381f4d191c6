"use server";

import { redirect } from "next/navigation";
import { runAction, formToObject } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { parseInput } from "../validation";
import { expectedVersionSchema } from "../concurrency/versions";
import { assignHandler, correctCaseEvent, recordCaseEvent, restoreApplication, updateRegistration, voidApplication } from "./mutations";
import { describePublishedReports } from "./published-reports";
import { CASE_EVENT_LABELS } from "./labels";
import { revalidateCase } from "./revalidate";


/** Records one step; `payload` is { type, occurredOn, details } as built by the step form, `version` the case's as loaded. */
export async function recordCaseEventAction(applicationId: string, version: unknown, payload: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await recordCaseEvent({ actor, applicationId, input: payload, expectedVersion, today: todayInShanghai() });
    revalidateCase(applicationId);
    const type = (payload as { type?: keyof typeof CASE_EVENT_LABELS }).type;
    return { message: `已登记：${type ? CASE_EVENT_LABELS[type] : "办理步骤"}` };
  });
}

export async function correctCaseEventAction(
  applicationId: string,
  eventId: string,
  payload: { replacement: unknown | null; reason: string; version: unknown },
): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, payload.version);
    await correctCaseEvent({ actor, eventId, replacement: payload.replacement, reason: payload.reason, expectedVersion, today: todayInShanghai() });
    revalidateCase(applicationId);
    return { message: payload.replacement === null ? "已撤销该步骤" : "已更正该步骤" };
  });
}

export async function assignHandlerAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    const expectedVersion = parseInput(expectedVersionSchema, fields.expectedVersion);
    await assignHandler({ actor, input: fields, expectedVersion });
    revalidateCase(fields.applicationId ?? "");
    return { message: "已更改经办人" };
  });
}

/** Saves the corrected registration (the edit form: every field, the reason and the version as loaded). */
export async function updateRegistrationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { applicationId = "", reason, expectedVersion: version, acknowledgePublished, ...fields } = formToObject(form);
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await updateRegistration({
      actor,
      applicationId,
      input: fields,
      reason,
      expectedVersion,
      today: todayInShanghai(),
      confirmPublishedChange: acknowledgePublished === "on",
    });
    revalidateCase(applicationId);
    // redirect() throws; runAction lets Next.js's control-flow errors through.
    redirect(`/cases/${applicationId}?updated=1`);
  });
}

export async function voidApplicationAction(applicationId: string, version: unknown, reason: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    const result = await voidApplication({ actor, applicationId, reason, expectedVersion });
    revalidateCase(applicationId);
    const published = result.publishedReports.length > 0 ? `已发布的${describePublishedReports(result.publishedReports)}不变，报告页显示差异。` : "";
    return { message: `案件已作废，不再计入台账、统计和年度报告；可在案件台账的“已作废”中找到并恢复。${published}` };
  });
}

export async function restoreApplicationAction(applicationId: string, version: unknown, reason: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const expectedVersion = parseInput(expectedVersionSchema, version);
    await restoreApplication({ actor, applicationId, reason, expectedVersion, today: todayInShanghai() });
    revalidateCase(applicationId);
    return { message: "案件已恢复，重新计入台账、统计和年度报告" };
  });
}
