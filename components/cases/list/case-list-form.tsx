"use client";

// A GET form over the case list's URL. Without JavaScript the browser submits it as it is; with it,
// the submitted fields are read back through the list's own parser and the canonical URL (no empty
// fields, no defaults) is opened instead, so that the address bar stays short and shareable.
import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import { CASE_LIST_PATH, caseListHref, parseCaseListQuery } from "@/lib/cases/list-schemas";

export function CaseListForm({ children, className, label }: { children: ReactNode; className?: string; label: string }) {
  const router = useRouter();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) {
      if (typeof value === "string") params.append(name, value);
    }
    router.push(caseListHref({ ...parseCaseListQuery(params), page: 1 }));
  }

  return (
    <form method="get" action={CASE_LIST_PATH} className={className} aria-label={label} onSubmit={handleSubmit}>
      {children}
    </form>
  );
}
