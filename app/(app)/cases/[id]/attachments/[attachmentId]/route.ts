// GET /cases/<id>/attachments/<attachmentId>: an attachment's content, for users of its organization (audited).
import { getActor } from "@/lib/auth/session";
import { appErrorResponse, isAppError } from "@/lib/errors";
import { getAttachmentFile } from "@/lib/attachments/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; attachmentId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  const { attachmentId } = await params;
  try {
    const file = await getAttachmentFile({ actor, attachmentId });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename="attachment"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
        "X-Content-SHA256": file.sha256,
      },
    });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}
