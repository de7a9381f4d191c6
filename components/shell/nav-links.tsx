"use client";

import { Link } from "@/components/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/domain-types";
import styles from "./app-shell.module.css";

const NAV_ITEMS: { href: string; label: string; exact: boolean; excludes?: string; roles?: Role[]; rollupOnly?: boolean }[] = [
  { href: "/", label: "工作台", exact: true, roles: ["CLERK", "MANAGER", "ADMIN"] },
  { href: "/cases", label: "案件台账", exact: false, excludes: "/cases/new", roles: ["CLERK", "MANAGER", "ADMIN"] },
  { href: "/cases/new", label: "登记申请", exact: true, roles: ["CLERK", "MANAGER", "ADMIN"] },
  { href: "/reports", label: "统计报表", exact: false, roles: ["CLERK", "MANAGER", "ADMIN"] },
  { href: "/dashboard", label: "统计分析", exact: false, roles: ["MANAGER", "ADMIN"] },
  { href: "/rollup", label: "下级汇总", exact: false, roles: ["MANAGER", "ADMIN"], rollupOnly: true },
  { href: "/settings", label: "设置", exact: false, roles: ["CLERK", "MANAGER", "ADMIN"] },
  { href: "/operator", label: "机构管理", exact: false, roles: ["OPERATOR"] },
  { href: "/settings/calendar", label: "工作日历", exact: false, roles: ["OPERATOR"] },
];

export function NavLinks({ role, showRollup }: { role: Role; showRollup: boolean }) {
  const pathname = usePathname();
  return (
    <nav className={styles.nav} aria-label="主导航">
      {NAV_ITEMS.filter((item) => (!item.roles || item.roles.includes(role)) && (!item.rollupOnly || showRollup)).map((item) => {
        const active = item.exact
          ? pathname === item.href
          : pathname.startsWith(item.href) && !(item.excludes && pathname.startsWith(item.excludes));
        return (
          <Link key={item.href} href={item.href} className={active ? styles.active : undefined} aria-current={active ? "page" : undefined}>
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
