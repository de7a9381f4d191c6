"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { updateOrganizationSettings } from "./mutations";
import { todayInShanghai } from "../today";

export async function updateOrganizationSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    await updateOrganizationSettings({ actor, input: { ...fields, feeStopsClock: fields.feeStopsClock === "on", requireTotp: fields.requireTotp === "on" }, today: todayInShanghai() });
    revalidatePath("/", "layout");
    return { message: "已保存机构设置" };
  });
}
