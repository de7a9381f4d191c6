// POST /cases/<id>/attachments (multipart: file, category, description[, supersedesId, supersedeReason]):
// adds a file to the case file. A route handler rather than a server action: scans are larger than a
// server action's body limit.
import { getActor } from "@/lib/auth/session";
import { appErrorResponse, isAppError } from "@/lib/errors";
import { addAttachment, attachmentMaxBytes } from "@/lib/attachments/mutations";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  const { id } = await params;
  // Refuse an oversized upload before reading it (the form's fields add a few hundred bytes).
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > attachmentMaxBytes() + 64 * 1024) {
    return Response.json({ message: `文件超过 ${Math.round(attachmentMaxBytes() / 1024 / 1024)} MB 的上限` }, { status: 413 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return Response.json({ message: "上传的内容无法读取，请重新选择文件" }, { status: 400 });
  }
  const file = form.get("file");
  if (!(file instanceof File)) return Response.json({ message: "请选择要上传的文件", fieldErrors: { file: ["请选择要上传的文件"] } }, { status: 400 });
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  try {
    const added = await addAttachment({
      actor,
      input: { applicationId: id, category: text("category"), description: text("description"), supersedesId: text("supersedesId"), supersedeReason: text("supersedeReason") },
      file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
    });
    return Response.json({ ok: true, message: "已加入案卷", ...added });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}
