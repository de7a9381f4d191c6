"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { publishReport, saveReportDraft } from "./publication";

export async function saveReportDraftAction(input: {
  year: number;
  format: string;
  version: number;
  sections: { overview: string; problems: string; other: string };
  activeDisclosure: Record<string, string>;
}): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { version } = await saveReportDraft({ actor, input });
    revalidatePath(`/reports/${input.year}`);
    return { message: "已保存报告草稿", data: { version } };
  });
}

export async function publishReportAction(input: {
  year: number;
  format: string;
  reason?: string;
  expectedVersion?: number;
  draftVersion?: number;
}): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { version } = await publishReport({ actor, input });
    revalidatePath(`/reports/${input.year}`);
    return { message: `已发布第 ${version} 版；此后案件的变动不会改变已发布的数字` };
  });
}
