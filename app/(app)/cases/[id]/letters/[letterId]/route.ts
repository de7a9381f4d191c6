// GET /cases/<id>/letters/<letterId>: an issued letter's Word file, for users of its organization (audited).
import { getActor } from "@/lib/auth/session";
import { appErrorResponse, isAppError } from "@/lib/errors";
import { getLetterFile } from "@/lib/letters/queries";

export const dynamic = "force-dynamic";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; letterId: string }> }): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  const { letterId } = await params;
  try {
    const file = await getLetterFile({ actor, letterId });
    return new Response(new Uint8Array(file.content), {
      headers: {
        "Content-Type": DOCX,
        "Content-Disposition": `attachment; filename="letter.docx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
        "X-Content-SHA256": file.sha256,
      },
    });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}
