import { Link } from "@/components/link";
import type { ReactNode } from "react";
import { isOperator, type Principal } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { NavLinks } from "./nav-links";
import { SignOutButton } from "./sign-out-button";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { NotificationBell } from "@/components/notifications/notification-bell";
import styles from "./app-shell.module.css";

/** `showRollup`: the organization has organizations below it, whose reports its managers see. */
export function AppShell({ principal, showRollup = false, children }: { principal: Principal; showRollup?: boolean; children: ReactNode }) {
  const operator = isOperator(principal);
  return (
    <div className={styles.shell}>
      <a href="#main" className={`${styles.skipLink} no-print`} data-testid="skip-link">
        跳到主要内容
      </a>
      <KeyboardShortcuts canRegister={!operator} />
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
          <Link href="/help" className={styles.account} title="使用说明：办理流程、期限规则、统计口径、台账格式（快捷键 ?）" data-testid="help-link">
            使用说明
          </Link>
          <Link href="/account" className={styles.account} title="我的账户：修改密码、双因素认证" data-testid="current-user">
            {principal.displayName}
            <span className={styles.role}>{ROLE_LABELS[principal.role]}</span>
          </Link>
          <SignOutButton />
        </div>
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        {children}
      </main>
    </div>
  );
}
