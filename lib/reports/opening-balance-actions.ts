"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { APPLICANT_COLUMN_KEYS } from "./definitions";
import { removeOpeningBalance, setOpeningBalance } from "./opening-balance";

export async function saveOpeningBalanceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const fields = formToObject(form);
    const counts = Object.fromEntries(APPLICANT_COLUMN_KEYS.map((key) => [key, fields[`count.${key}`] ?? ""]));
    const saved = await setOpeningBalance({
      actor,
      input: { year: fields.year, counts, source: fields.source, reason: fields.reason || undefined, expectedUpdatedAt: fields.expectedUpdatedAt ?? "" },
    });
    revalidatePath("/reports", "layout");
    return { message: `已保存 ${saved.year} 年度的期初余额（结转下年度 ${saved.carriedOut.at(-1)} 件）；${saved.year + 1} 年度报告的“二、上年结转”将与其核对` };
  });
}

export async function removeOpeningBalanceAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await removeOpeningBalance({ actor, input: formToObject(form) });
    revalidatePath("/reports", "layout");
    return { message: "已删除期初余额" };
  });
}
