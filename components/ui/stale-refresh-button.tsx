"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";

/**
 * After a stale write was refused: reloads the page's data (the other person's change, the new version)
 * without reloading the page, so that what the user typed stays in the form to be checked and sent again.
 */
export function StaleRefreshButton() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <button type="button" className="button small" disabled={pending} onClick={() => startTransition(() => router.refresh())} data-testid="stale-refresh">
      {pending ? "正在刷新…" : "刷新页面数据（保留已填写的内容）"}
    </button>
  );
}
