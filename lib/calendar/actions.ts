"use server";

import { revalidatePath } from "next/cache";
import { formToObject, runAction } from "../actions";
import { requirePrincipalForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { setCalendarDay, setCalendarYearConfirmed } from "./mutations";
import { CALENDAR_DAY_CHOICE_LABELS } from "./schemas";
import { todayInShanghai } from "../today";

const CALENDAR_PATH = "/settings/calendar";

function recomputedMessage(count: number): string {
  return count > 0 ? `；已重新计算 ${count} 件在办案件的截止日期` : "";
}

export async function setCalendarDayAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requirePrincipalForAction();
    const { date, kind, changed, recomputedCases } = await setCalendarDay({ actor, input: formToObject(form), today: todayInShanghai() });
    revalidatePath(CALENDAR_PATH);
    if (!changed) return { message: `${date} 原本就是“${CALENDAR_DAY_CHOICE_LABELS[kind]}”，没有变化` };
    return { message: `已将 ${date} 设为${CALENDAR_DAY_CHOICE_LABELS[kind]}${recomputedMessage(recomputedCases)}` };
  });
}

export async function setCalendarYearConfirmedAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requirePrincipalForAction();
    const fields = formToObject(form);
    const { year, confirmed, changed, recomputedCases } = await setCalendarYearConfirmed({
      actor,
      input: { year: fields.year, confirmed: fields.confirmed === "true", source: fields.source },
      today: todayInShanghai(),
    });
    revalidatePath(CALENDAR_PATH);
    const status = confirmed ? "已确认" : "未确认";
    if (!changed) return { message: `${year} 年官方安排状态仍为${status}，没有变化` };
    return { message: `已将 ${year} 年官方安排标记为${status}${recomputedMessage(recomputedCases)}` };
  });
}
