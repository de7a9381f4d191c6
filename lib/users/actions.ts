"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { changeUserRole, createUser, resetUserPassword, resetUserSecondFactor, setUserActive, setUserEmailSettings } from "./mutations";

const USERS_PATH = "/settings/users";

export async function createUserAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await createUser({ actor, input: formToObject(form) });
    revalidatePath(USERS_PATH);
    return { message: "已创建用户" };
  });
}

export async function changeUserRoleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await changeUserRole({ actor, input: formToObject(form) });
    revalidatePath(USERS_PATH);
    return { message: "已更改角色" };
  });
}

export async function setUserActiveAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    const active = fields.active === "true";
    await setUserActive({ actor, input: { userId: fields.userId, active } });
    revalidatePath(USERS_PATH);
    return { message: active ? "已启用账户" : "已停用账户" };
  });
}

export async function resetUserPasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await resetUserPassword({ actor, input: formToObject(form) });
    revalidatePath(USERS_PATH);
    return { message: "已重置密码：该用户需用新密码重新登录，并在登录后设置自己的密码" };
  });
}

export async function resetUserSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await resetUserSecondFactor({ actor, input: formToObject(form) });
    revalidatePath(USERS_PATH, "layout");
    return { message: "已重置双因素认证：该用户已退出登录，下次登录时重新设置" };
  });
}

export async function setUserEmailSettingsAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    await setUserEmailSettings({ actor, input: { userId: fields.userId, email: fields.email ?? "", emailDigest: fields.emailDigest === "on" } });
    revalidatePath(USERS_PATH);
    return { message: "已保存邮件提醒设置" };
  });
}
