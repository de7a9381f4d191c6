import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { can, type Permission } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "设置" };

const SECTIONS: { href: string; title: string; text: string; permission: Permission | null }[] = [
  { href: "/settings/organization", title: "机构设置", text: "机构名称、案件编号前缀、复议诉讼统计口径、收费期间是否停止计时", permission: "organization:configure" },
  { href: "/settings/letters", title: "文书设置", text: "文书抬头、复议机关与法院、文号规则、各类文书的模板", permission: "letters:configure" },
  { href: "/settings/users", title: "用户管理", text: "新建账户、停用、重置密码、更改角色", permission: "users:manage" },
  { href: "/settings/api-tokens", title: "API 令牌", text: "供脚本和上级机关汇总以只读方式读取年度报告数据", permission: "api-tokens:manage" },
  { href: "/settings/calendar", title: "工作日历", text: "法定节假日与调休安排及其修改记录（由系统管理员维护），办理期限按此计算", permission: "calendar:read" },
  { href: "/settings/audit", title: "操作记录", text: "谁在何时修改了什么：按操作人、操作和日期筛选，导出 Excel 或 CSV", permission: "audit:read" },
  { href: "/settings/report-deadline", title: "年度报告发布期限", text: "政府部门次年 1 月 31 日前；人民政府自定（法定 3 月 31 日前）", permission: "rollup:configure" },
  { href: "/account", title: "我的账户", text: "修改密码、设置双因素认证", permission: null },
];

export default async function SettingsPage() {
  const actor = await requireActor();
  const sections = SECTIONS.filter((section) => section.permission === null || can(actor, section.permission));
  return (
    <div className="page">
      <PageHeader title="设置" />
      <div className="grid-3">
        {sections.map((section) => (
          <Link key={section.href} href={section.href} className="card">
            <h2>{section.title}</h2>
            <p className="muted">{section.text}</p>
          </Link>
        ))}
      </div>
    </div>
  );
}
