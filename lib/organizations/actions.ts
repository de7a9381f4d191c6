"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requireActorForAction, requirePrincipalForAction } from "../auth/session";
import { assertOperator } from "../auth/actor";
import type { ActionResult } from "../errors";
import { createOrganizationWithAdmin, updateOrganizationSettings } from "./mutations";
import { todayInShanghai } from "../today";
import { parseInput } from "../validation";
import { expectedVersionSchema } from "../concurrency/versions";

export async function updateOrganizationSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    const expectedVersion = parseInput(expectedVersionSchema, fields.expectedVersion);
    await updateOrganizationSettings({
      actor,
      input: { ...fields, feeStopsClock: fields.feeStopsClock === "on", requireTotp: fields.requireTotp === "on" },
      expectedVersion,
      today: todayInShanghai(),
    });
    revalidatePath("/", "layout");
    return { message: "已保存机构设置" };
  });
}

export async function createOrganizationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const operator = await requirePrincipalForAction();
    assertOperator(operator);
    const fields = formToObject(form);
    const { organization, admin } = await createOrganizationWithAdmin({ operator, input: { ...fields, requireTotp: fields.requireTotp === "on" } });
    revalidatePath("/operator");
    return { message: `已创建机构 ${organization.code} ${organization.name} 及其管理员 ${admin.username}（首次登录须修改密码）` };
  });
}
