import { NextResponse, type NextRequest } from "next/server";
import { getActor } from "@/lib/auth/session";
import { appErrorResponse, isAppError } from "@/lib/errors";
import { exportRollupFile } from "@/lib/rollup/export";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

/** GET /rollup/<year>/export?type=xlsx|docx&format=2021[&org=<code>]: the combined tables as a file. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ year: string }> }) {
  const actor = await getActor();
  if (!actor) return NextResponse.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  const { year } = await params;
  const search = request.nextUrl.searchParams;
  try {
    const file = await exportRollupFile({
      actor,
      year,
      format: search.get("format") ?? undefined,
      organizationCode: search.get("org") ?? undefined,
      type: search.get("type") ?? "xlsx",
      today: todayInShanghai(),
    });
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
