"use client";

import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

export function SubmitButton({
  children,
  pendingText = "处理中…",
  variant = "primary",
  size,
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: "primary" | "default" | "danger";
  size?: "small";
}) {
  const { pending } = useFormStatus();
  const className = ["button", variant === "default" ? "" : variant, size ?? ""].filter(Boolean).join(" ");
  return (
    <button type="submit" className={className} disabled={pending} aria-busy={pending}>
      {pending ? pendingText : children}
    </button>
  );
}
