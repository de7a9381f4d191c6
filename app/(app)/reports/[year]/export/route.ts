import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { recordDataExport } from "@/lib/auth/security-events";
import { appErrorResponse, isAppError } from "@/lib/errors";
import { exportReportFile } from "@/lib/reports/export";

export const dynamic = "force-dynamic";

/** GET /reports/<year>/export?type=xlsx|docx&format=2021[&version=N]: the report as a file. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ year: string }> }) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  const { year } = await params;
  const search = request.nextUrl.searchParams;
  try {
    const file = await exportReportFile({
      actor,
      year: Number(year),
      format: search.get("format") ?? undefined,
      type: search.get("type") ?? "xlsx",
      version: search.get("version") ? Number(search.get("version")) : undefined,
    });
    await recordDataExport(actor, { kind: file.fileName.endsWith(".docx") ? "report.docx" : "report.xlsx", detail: { year: Number(year), fileName: file.fileName } });
    return new NextResponse(new Uint8Array(file.bytes), {
      headers: {
        "Content-Type": file.contentType,
        "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) return appErrorResponse(error);
    throw error;
  }
}
