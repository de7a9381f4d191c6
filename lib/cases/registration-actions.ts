"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { todayInShanghai } from "../today";
import { parseInput } from "../validation";
import { registerApplication } from "./mutations";
import { getRegistrationHints, registrationHintsInputSchema, type RegistrationHints } from "./registration-queries";

export async function registerApplicationAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const { id } = await registerApplication({ actor, input: formToObject(form), today: todayInShanghai() });
    revalidatePath("/cases");
    revalidatePath("/");
    // redirect() throws; runAction lets Next.js's control-flow errors through.
    redirect(`/cases/${id}?registered=1`);
  });
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
