import { NextResponse } from "next/server";
import { getServerSession } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { checkHealth } from "@/lib/health";
import packageJson from "@/package.json";

export const dynamic = "force-dynamic";

// Anonymous callers (load balancers, docker's HEALTHCHECK) get the status word only; a signed-in
// session also sees the figures. The session is read from its signed cookie alone, without the
// database, so that the answer comes as fast when the database is saturated.
export async function GET() {
  const report = await checkHealth(packageJson.version);
  const session = await getServerSession(authOptions).catch(() => null);
  const body = session ? report : { status: report.status };
  return NextResponse.json(body, { status: report.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
