// POST /cases/import/run (multipart: file): imports a ledger file, all or nothing.
import { uploadLedger } from "@/lib/cases/ledger-upload";
import { respondToLedgerUpload } from "@/lib/cases/ledger-upload-http";
import { todayInShanghai } from "@/lib/today";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  return respondToLedgerUpload(request, ({ actor, file }) => uploadLedger({ actor, file, today: todayInShanghai() }));
}
