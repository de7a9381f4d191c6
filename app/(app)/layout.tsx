import type { ReactNode } from "react";
import { requireActor } from "@/lib/auth/session";
import { hasChildOrganizations } from "@/lib/rollup/queries";
import { AppShell } from "@/components/shell/app-shell";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const showRollup = await hasChildOrganizations({ actor });
  return (
    <AppShell actor={actor} showRollup={showRollup}>
      {children}
    </AppShell>
  );
}
