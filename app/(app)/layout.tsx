import type { ReactNode } from "react";
import { requirePrincipal } from "@/lib/auth/session";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  // Pages check again, and send an account with a pending step (new password, second factor) to /account.
  const { principal } = await requirePrincipal({ allowPending: true });
  return <AppShell principal={principal}>{children}</AppShell>;
}
