"use server";

import { isAppError } from "../errors";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formToObject, runAction } from "../actions";
import { requireActorForAction } from "../auth/session";
import type { ActionResult } from "../errors";
import { NOTIFICATIONS_PATH } from "./labels";
import { markAllNotificationsRead, markNotificationRead } from "./mutations";
import { findNotificationCaseId } from "./queries";

// The header's bell shows the unread count on every page of the app.
const revalidateNotifications = () => revalidatePath("/", "layout");

export async function markNotificationReadAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    await markNotificationRead({ actor, input: formToObject(form) });
    revalidateNotifications();
    return { message: "已标为已读" };
  });
}

export async function markAllNotificationsReadAction(_previous: ActionResult | null, _form: FormData): Promise<ActionResult> {
  return runAction(async () => {
    const actor = await requireActorForAction();
    const count = await markAllNotificationsRead({ actor });
    revalidateNotifications();
    return { message: count > 0 ? `已将 ${count} 条提醒标为已读` : "没有未读提醒" };
  });
}

/** Opens the case of a notification and marks the notification read (a plain form: works without JavaScript). */
export async function openNotificationCaseAction(form: FormData): Promise<void> {
  const actor = await requireActorForAction();
  const input = formToObject(form);
  try {
    await markNotificationRead({ actor, input });
  } catch (error) {
    // An alert that is gone (or another user's): back to the list rather than the error page.
    if (isAppError(error)) redirect(NOTIFICATIONS_PATH);
    throw error;
  }
  revalidateNotifications();
  const caseId = await findNotificationCaseId({ actor, notificationId: input.notificationId ?? "" });
  redirect(caseId ? `/cases/${caseId}` : NOTIFICATIONS_PATH);
}
