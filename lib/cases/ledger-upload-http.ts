// The two upload endpoints (check, import) share how a ledger file is read from a multipart request
// and how the answer goes back.
import { AppError, isAppError } from "../errors";
import type { Actor } from "../auth/actor";
import { getActor } from "../auth/session";
import type { LedgerFile } from "./ledger-import-store";
import { LEDGER_UPLOAD_MAX_BYTES } from "./ledger-upload";

export async function ledgerFileFromRequest(request: Request): Promise<LedgerFile> {
  if (Number(request.headers.get("content-length") ?? 0) > LEDGER_UPLOAD_MAX_BYTES + 64 * 1024) {
    throw new AppError("VALIDATION", `文件超过 ${LEDGER_UPLOAD_MAX_BYTES / 1024 / 1024} MB 的上限，请拆分后分批导入`);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new AppError("VALIDATION", "上传的内容无法读取，请重新选择文件");
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new AppError("VALIDATION", "请选择台账文件（CSV 或 XLSX）");
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** The route handler of both upload endpoints: the signed-in actor, the file, then `handle`'s answer as JSON. */
export async function respondToLedgerUpload(
  request: Request,
  handle: (context: { actor: Actor; file: LedgerFile }) => Promise<unknown>,
): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  try {
    const file = await ledgerFileFromRequest(request);
    return Response.json(await handle({ actor, file }));
  } catch (error) {
    if (isAppError(error)) return Response.json({ ok: false, message: error.message }, { status: error.code === "FORBIDDEN" ? 403 : 400 });
    throw error;
  }
}
