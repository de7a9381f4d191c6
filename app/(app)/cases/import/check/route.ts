// POST /cases/import/check (multipart: file): every problem of a ledger file, nothing written.
import { getActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { checkLedgerForActor } from "@/lib/cases/ledger-import-store";
import { ledgerFileFromRequest } from "@/lib/cases/ledger-upload-http";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const actor = await getActor();
  if (!actor) return Response.json({ message: "登录已失效，请重新登录" }, { status: 401 });
  try {
    const file = await ledgerFileFromRequest(request);
    const checked = await checkLedgerForActor({ actor, file, today: todayInShanghai() });
    return Response.json({ ok: checked.errors.length === 0, caseCount: checked.caseNumbers.length, errors: checked.errors, warnings: checked.warnings });
  } catch (error) {
    if (isAppError(error)) return Response.json({ ok: false, message: error.message }, { status: error.code === "FORBIDDEN" ? 403 : 400 });
    throw error;
  }
}
