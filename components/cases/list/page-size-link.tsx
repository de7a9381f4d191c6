"use client";

// A page-size link of the case list that also remembers the choice (a cookie read by the list page when
// the address names no size), so that a clerk who prefers 100 rows gets 100 rows next time too.
import { Link } from "@/components/link";
import type { ReactNode } from "react";
import { CASE_LIST_PAGE_SIZE_COOKIE } from "@/lib/cases/list-schemas";

export function PageSizeLink({ href, pageSize, current, children }: { href: string; pageSize: number; current: boolean; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="button small link"
      aria-current={current ? "true" : undefined}
      onClick={() => {
        document.cookie = `${CASE_LIST_PAGE_SIZE_COOKIE}=${pageSize}; path=/; max-age=${365 * 86_400}; samesite=lax`;
      }}
    >
      {children}
    </Link>
  );
}
