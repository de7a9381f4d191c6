// POST /cases/import/run (multipart: file): imports a ledger file, all or nothing.
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { uploadLedger } from "@/lib/cases/ledger-upload";
import { ledgerFileFromRequest } from "@/lib/cases/ledger-upload-http";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  try {
    const file = await ledgerFileFromRequest(request);
    return Response.json(await uploadLedger({ actor, file, today: todayInShanghai() }));
  } catch (error) {
    if (isAppError(error)) return Response.json({ ok: false, message: error.message }, { status: error.code === "FORBIDDEN" ? 403 : 400 });
    throw error;
  }
}
