// Runs the body of a server action and turns expected failures into a typed result with a Chinese
// message. A database that is too busy (lib/db-busy.ts) is answered 系统繁忙，请稍后重试. Unexpected
// errors are logged and answered with a generic message, never shown raw.
import { busyReasonOf, reportBusy } from "./db-busy";
import { isAppError, type ActionResult } from "./errors";
import { recordAccessRefused } from "./auth/security-events";
import { getSignedIn } from "./auth/session";

export async function runAction<T = undefined>(
  body: () => Promise<{ message?: string; data?: T } | void>,
): Promise<ActionResult<T>> {
  try {
    const result = await body();
    return { ok: true, ...(result ?? {}) };
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === "FORBIDDEN") await recordAccessRefused((await getSignedIn())?.principal ?? null, "action", { message: error.message });
      return { ok: false, message: error.message, fieldErrors: error.fieldErrors, code: error.code };
    }
    // redirect() and notFound() signal through exceptions that Next.js must see.
    if (error instanceof Error && "digest" in error && typeof error.digest === "string" && error.digest.startsWith("NEXT_")) {
      throw error;
    }
    const busy = busyReasonOf(error);
    if (busy) return { ok: false, message: reportBusy("操作未完成", busy) };
    console.error("[action] 未预期的错误", error);
    return { ok: false, message: "系统错误，请稍后重试；如持续出现请联系管理员" };
  }
}

/** FormData to a plain object for zod (single values; empty strings kept). */
export function formToObject(form: FormData): Record<string, string> {
  const object: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") object[key] = value;
  return object;
}
