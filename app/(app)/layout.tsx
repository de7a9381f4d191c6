import type { ReactNode } from "react";
import { Link } from "@/components/link";
import { unstable_rethrow } from "next/navigation";
import { requirePrincipal } from "@/lib/auth/session";
import { isOperator, type Principal } from "@/lib/auth/actor";
import { describeOutage } from "@/lib/db-busy";
import { hasChildOrganizations } from "@/lib/rollup/queries";
import { AppShell } from "@/components/shell/app-shell";
import { OutageNotice } from "@/components/ui/outage-notice";

export const dynamic = "force-dynamic";

// The layout reads the signed-in user from the database, above the segment's error.tsx: when the
// database is down or too busy, it shows the outage page itself (in Chinese, with the reason in the
// log) instead of leaving the failure to Next's English error page.
export default async function AppLayout({ children }: { children: ReactNode }) {
  let principal: Principal;
  try {
    // Pages check again, and send an account with a pending step (new password, second factor) to /account.
    ({ principal } = await requirePrincipal({ allowPending: true }));
  } catch (error) {
    // The redirect to the sign-in page, and Next's own signals, go on.
    unstable_rethrow(error);
    const message = describeOutage("页面加载", error);
    return (
      <OutageNotice
        message={message}
        action={
          <Link className="button" href="/">
            重试
          </Link>
        }
      />
    );
  }
  const showRollup = isOperator(principal) ? false : await hasChildOrganizations({ actor: principal });
  return (
    <AppShell principal={principal} showRollup={showRollup}>
      {children}
    </AppShell>
  );
}
