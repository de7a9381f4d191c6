"use server";

import { revalidatePath } from "next/cache";
import { runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { issueLetter, saveLetterSettings, saveLetterTemplate } from "./mutations";
import { draftLetter } from "./queries";

export interface LetterDraft {
  title: string;
  recipient: string;
  body: string;
  templateVersion: number;
}

/** The letter's text from the case and the facts entered, for the clerk to review. */
export async function draftLetterAction(input: unknown): Promise<ActionResult<LetterDraft>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    return { data: await draftLetter({ actor, input, today: todayInShanghai() }) };
  });
}

/** Issues the letter with the text as the clerk left it. */
export async function issueLetterAction(input: { applicationId: string } & Record<string, unknown>): Promise<ActionResult<{ letterId: string; number: string }>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const issued = await issueLetter({ actor, input, today: todayInShanghai() });
    revalidatePath(`/cases/${input.applicationId}`);
    return {
      message: `已出具 ${issued.number}${issued.caseEventId ? "，并登记了相应的办理步骤" : ""}`,
      data: { letterId: issued.letterId, number: issued.number },
    };
  });
}

export async function saveLetterSettingsAction(input: unknown): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const saved = await saveLetterSettings({ actor, input });
    revalidatePath("/settings/letters");
    return { message: "已保存文书设置", data: saved };
  });
}

/** The form carries the fields and, for a new layout, the .docx file. */
export async function saveLetterTemplateAction(_previous: ActionResult<{ version: number }> | null, form: FormData): Promise<ActionResult<{ version: number }>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const file = form.get("layoutFile");
    const layoutFile = file instanceof File && file.size > 0 ? { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } : null;
    const text = (name: string) => {
      const value = form.get(name);
      return typeof value === "string" ? value : undefined;
    };
    const input = {
      kind: text("kind"),
      variant: text("variant"),
      expectedVersion: text("expectedVersion"),
      title: text("title"),
      body: text("body"),
      reason: text("reason"),
      layout: text("layout"),
    };
    const saved = await saveLetterTemplate({ actor, input, layoutFile });
    revalidatePath("/settings/letters", "layout");
    return { message: `已保存为第 ${saved.version} 版；此后出具的文书使用新版本`, data: saved };
  });
}
