"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { getRequestContext } from "../auth/request-context";
import { requireSignedInForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { changeOwnPassword, confirmSecondFactorEnrolment, removeOwnSecondFactor, renewRecoveryCodes, startSecondFactorEnrolment } from "./mutations";

const ACCOUNT_PATH = "/account";

// An account that must change its password or enrol a second factor can do exactly that here.
async function request() {
  return { signedIn: await requireSignedInForAction({ allowPending: true }), context: await getRequestContext(), now: new Date() };
}

export async function changeOwnPasswordAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const { endedSessions } = await changeOwnPassword({ ...(await request()), input: formToObject(form) });
    revalidatePath("/", "layout");
    return { message: endedSessions > 0 ? `已修改密码；其他 ${endedSessions} 处登录已退出` : "已修改密码" };
  });
}

export async function startSecondFactorEnrolmentAction(): Promise<ActionResult> {
  return runAction(async () => {
    await startSecondFactorEnrolment({ signedIn: (await request()).signedIn });
    revalidatePath(ACCOUNT_PATH);
  });
}

export async function confirmSecondFactorEnrolmentAction(
  _previous: ActionResult<{ recoveryCodes: string[] }> | null,
  form: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction(async () => {
    const { recoveryCodes } = await confirmSecondFactorEnrolment({ ...(await request()), input: formToObject(form) });
    // No revalidation: the page would re-render without the form that shows the codes. The form's
    // "继续" link loads the next page afresh.
    return { message: "已开启双因素认证。请把下面的恢复码抄下或打印，妥善保管：每个只能用一次，离开本页后不再显示", data: { recoveryCodes } };
  });
}

export async function renewRecoveryCodesAction(
  _previous: ActionResult<{ recoveryCodes: string[] }> | null,
  form: FormData,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction(async () => {
    const { recoveryCodes } = await renewRecoveryCodes({ ...(await request()), input: formToObject(form) });
    revalidatePath(ACCOUNT_PATH);
    return { message: "已生成新的恢复码，原有恢复码全部作废。请妥善保管：离开本页后不再显示", data: { recoveryCodes } };
  });
}

export async function removeOwnSecondFactorAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    await removeOwnSecondFactor({ ...(await request()), input: formToObject(form) });
    revalidatePath(ACCOUNT_PATH);
    return { message: "已关闭双因素认证" };
  });
}
