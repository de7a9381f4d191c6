// POST /cases/import/check (multipart: file): every problem of a ledger file, nothing written.
import { checkLedgerForActor } from "@/lib/cases/ledger-import-store";
import { respondToLedgerUpload } from "@/lib/cases/ledger-upload-http";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return respondToLedgerUpload(request, async ({ actor, file }) => {
    const checked = await checkLedgerForActor({ actor, file, today: todayInShanghai() });
    return { ok: checked.errors.length === 0, caseCount: checked.caseNumbers.length, errors: checked.errors, warnings: checked.warnings };
  });
}
