"use client";

import type { ReactNode } from "react";

export function SubmitButton({
  children,
  pending,
  pendingText = "处理中…",
  variant = "primary",
  size,
}: {
  children: ReactNode;
  pending: boolean;
  pendingText?: string;
  variant?: "primary" | "default" | "danger";
  size?: "small";
}) {
  const className = ["button", variant === "default" ? "" : variant, size ?? ""].filter(Boolean).join(" ");
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
