import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "公开 · 政府信息公开申请办理系统", template: "%s · 公开" },
  description: "政府信息公开申请登记、办理期限管理与年度报告生成",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>{children}</body>
    </html>
  );
}
