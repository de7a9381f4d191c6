"use server";

import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { revalidatePath } from "next/cache";
import { OUTCOME_LABELS } from "../cases/labels";
import type { Outcome } from "@prisma/client";
import { batchClose, batchReassign } from "./mutations";

/** `input` is { cases: [{ id, version }], handlerId } as the list's action bar builds it. */
export async function batchReassignAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const result = await batchReassign({ actor, input });
    // Every selected case's page, the list, the dashboards and the report pages.
    revalidatePath("/", "layout");
    return { message: `已批量分配经办人：共 ${result.count} 件（其中 ${result.changed} 件更换了经办人），已记入操作日志` };
  });
}

/** `input` is { cases: [{ id, version }], outcome, occurredOn, serviceMethod }. */
export async function batchCloseAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const result = await batchClose({ actor, input, today: todayInShanghai() });
    // Every selected case's page, the list, the dashboards and the report pages.
    revalidatePath("/", "layout");
    const outcome = (input as { outcome?: Outcome }).outcome;
    return { message: `已批量答复办结：共 ${result.count} 件${outcome && outcome in OUTCOME_LABELS ? `（${OUTCOME_LABELS[outcome]}）` : ""}，已记入操作日志` };
  });
}
