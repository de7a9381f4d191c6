import type { ActionResult } from "@/lib/errors";

/**
 * Awaits a server action called from an event handler. A network or server failure becomes a Chinese
 * message instead of the error page, so the form and what was typed into it stay on screen.
 */
export async function callAction<T>(action: Promise<ActionResult<T>>): Promise<ActionResult<T>> {
  try {
    return await action;
  } catch {
    return { ok: false, message: "无法连接服务器或服务器出错，请稍后重试；已填写的内容仍保留在表单中" };
  }
}
