import type { ActionResult } from "@/lib/errors";

/** Shows the message of a server action's result, green or red. */
export function ActionNotice({ result }: { result: ActionResult<unknown> | null }) {
  if (!result?.message) return null;
  return (
    <div className={`notice ${result.ok ? "success" : "error"}`} role={result.ok ? "status" : "alert"}>
      {result.message}
    </div>
  );
}

export function fieldError(result: ActionResult<unknown> | null, field: string): string | undefined {
  if (!result || result.ok) return undefined;
  return result.fieldErrors?.[field]?.[0];
}
