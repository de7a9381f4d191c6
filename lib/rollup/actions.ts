"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { DEPARTMENT_REPORT_DEADLINE, formatMonthDay } from "./deadline";
import { setReportDeadline } from "./mutations";

export async function setReportDeadlineAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const kind = form.get("kind");
    const reportDeadline = kind === "department" ? null : String(form.get("reportDeadline") ?? "");
    const { reportDeadline: saved, changed } = await setReportDeadline({ actor, input: { reportDeadline } });
    revalidatePath("/", "layout");
    const text = `次年${formatMonthDay(saved ?? DEPARTMENT_REPORT_DEADLINE)}`;
    return { message: changed ? `已将年度报告发布期限设为${text}` : `年度报告发布期限仍为${text}，没有变化` };
  });
}
