"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { parseInput } from "../validation";
import { registerApplication, registerWithSameDayReply } from "./mutations";
import { getRegistrationHints, registrationHintsInputSchema, type RegistrationHints } from "./registration-queries";

export async function registerApplicationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { sameDayReply, occurredOn, serviceMethod, items, ...fields } = formToObject(form);
    const today = todayInShanghai();
    // 当场答复: the closing step's fields (the step form's names) travel with the registration.
    const { id } =
      sameDayReply === "on"
        ? await registerWithSameDayReply({ actor, input: fields, closing: { type: "DECISION_SERVED", occurredOn, details: { items: parseItems(items), serviceMethod } }, today })
        : await registerApplication({ actor, input: fields, today });
    revalidatePath("/cases");
    revalidatePath("/");
    // redirect() throws; runAction lets Next.js's control-flow errors through.
    redirect(`/cases/${id}?registered=1`);
  });
}

/** The closing step's items as the form sends them (JSON); anything else is no items (refused by the schema). */
function parseItems(value: string | undefined): unknown {
  try {
    return JSON.parse(value ?? "[]") as unknown;
  } catch {
    return [];
  }
}

/** The side panel of the registration form, refreshed while the clerk types. */
export async function getRegistrationHintsAction(input: unknown): Promise<ActionResult<RegistrationHints>> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    // Only the four search fields pass; too short a text gives empty lists, not an error.
    const fields = parseInput(registrationHintsInputSchema, input);
    return { data: await getRegistrationHints({ ...fields, actor }) };
  });
}
