"use server";

import { revalidatePath } from "next/cache";
import { runAction, formToObject } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { CASE_LIST_PATH } from "../cases/list-schemas";
import { deleteCaseFilter, saveCaseFilter } from "./mutations";

/** The 保存当前筛选 form: `name`, and `query` (the list's query string as shown). */
export async function saveCaseFilterAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    await saveCaseFilter({ actor, input: { name: fields.name, query: fields.query ?? "" } });
    revalidatePath(CASE_LIST_PATH);
    return { message: `已保存筛选“${(fields.name ?? "").trim()}”` };
  });
}

export async function deleteCaseFilterAction(id: string): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await deleteCaseFilter({ actor, id });
    revalidatePath(CASE_LIST_PATH);
    return { message: "已删除该筛选" };
  });
}
