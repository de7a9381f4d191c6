import Link from "next/link";
import type { ReactNode } from "react";
import { isOperator, type Principal } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { NotificationBell } from "@/components/notifications/notification-bell";
import styles from "./app-shell.module.css";

/** `showRollup`: the organization has organizations below it, whose reports its managers see. */
export function AppShell({ principal, showRollup = false, children }: { principal: Principal; showRollup?: boolean; children: ReactNode }) {
  const operator = isOperator(principal);
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
              {operator ? "系统管理（全部机构）" : principal.organizationName}
            </div>
          </div>
        </div>
        <NavLinks role={principal.role} showRollup={showRollup} />
        <div className={styles.user}>
          {operator ? null : <NotificationBell actor={principal} />}
          <Link href="/account" className={styles.account} title="我的账户：修改密码、双因素认证" data-testid="current-user">
            {principal.displayName}
            <span className={styles.role}>{ROLE_LABELS[principal.role]}</span>
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main className={styles.main}>{children}</main>
    </div>
  );
}
