"use client";

// Keyboard shortcuts of every page (listed on the help page, 使用说明 › 键盘操作): "/" focuses the page's
// search box, "n" opens the registration form, "g" then "h" goes to the 工作台, "?" opens the help page.
// Keys typed in a field, or with Ctrl/Alt/Meta, are left alone.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable=true]") !== null;
}

export function KeyboardShortcuts({ canRegister }: { canRegister: boolean }) {
  const router = useRouter();
  useEffect(() => {
    let pendingG = 0;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typingIn(event.target)) return;
      if (event.key === "?") {
        event.preventDefault();
        router.push("/help#keys");
      } else if (event.key === "/") {
        const search = document.querySelector<HTMLInputElement>('main input[type="search"]');
        if (search) {
          event.preventDefault();
          search.focus();
          search.select();
        }
      } else if (event.key === "n" && canRegister) {
        event.preventDefault();
        router.push("/cases/new");
      } else if (event.key === "g") {
        pendingG = Date.now();
      } else if (event.key === "h" && Date.now() - pendingG < 1500) {
        event.preventDefault();
        router.push("/");
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, canRegister]);
  return null;
}
