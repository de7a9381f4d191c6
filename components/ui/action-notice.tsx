import type { ActionResult } from "@/lib/errors";
import { StaleRefreshButton } from "./stale-refresh-button";

/** Shows the message of a server action's result, green or red; a stale write offers to refresh the page's data. */
export function ActionNotice({ result }: { result: ActionResult<unknown> | null }) {
  if (!result?.message) return null;
  const stale = !result.ok && result.code === "STALE";
  return (
    <div className={`notice ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
      {result.message}
      {stale ? (
        <div className="row" style={{ marginTop: 6 }}>
          <StaleRefreshButton />
        </div>
      ) : null}
    </div>
  );
}

export function fieldError(result: ActionResult<unknown> | null, field: string): string | undefined {
  if (!result || result.ok) return undefined;
  return result.fieldErrors?.[field]?.[0];
}
