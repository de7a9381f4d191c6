"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { createApiToken, revokeApiToken } from "./mutations";

const TOKENS_PATH = "/settings/api-tokens";

/** Answers the new token in `data`: shown once, never stored in clear. */
export async function createApiTokenAction(_previous: ActionResult<{ token: string }> | null, form: FormData): Promise<ActionResult<{ token: string }>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { token } = await createApiToken({ actor, input: formToObject(form) });
    revalidatePath(TOKENS_PATH);
    return { message: "已创建令牌。请立即复制保存：离开本页后将无法再次查看", data: { token } };
  });
}

export async function revokeApiTokenAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await revokeApiToken({ actor, input: formToObject(form) });
    revalidatePath(TOKENS_PATH);
    return { message: "已吊销令牌，使用它的请求将被拒绝" };
  });
}
