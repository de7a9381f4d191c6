import type { ReactNode } from "react";
import type { Actor } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import styles from "./app-shell.module.css";

/** `showRollup`: the organization has organizations below it, whose reports its managers see. */
export function AppShell({ actor, showRollup = false, children }: { actor: Actor; showRollup?: boolean; children: ReactNode }) {
  return (
    <div className={styles.shell}>
      <header className={`${styles.header} no-print`}>
        <div className={styles.brand}>
          <span className={styles.logo} aria-hidden>
            公
          </span>
          <div>
            <div className={styles.product}>政府信息公开申请办理系统</div>
            <div className={styles.organization} data-testid="organization-name">
              {actor.organizationName}
            </div>
          </div>
        </div>
        <NavLinks role={actor.role} showRollup={showRollup} />
        <div className={styles.user}>
          <NotificationBell actor={actor} />
          <span data-testid="current-user">
            {actor.displayName}
            <span className={styles.role}>{ROLE_LABELS[actor.role]}</span>
          </span>
          <SignOutButton />
        </div>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
