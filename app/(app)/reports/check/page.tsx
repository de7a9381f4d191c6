import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ReportChecker } from "@/components/report-checker/report-checker";

export const metadata: Metadata = { title: "核对年度报告" };

/** rules.md §7: any published report, from this system or not, checked on its own. */
export default async function ReportCheckPage() {
  await requireActor();
  return (
    <div className="page">
      <PageHeader
        title="核对年度报告"
        subtitle="核对任一份已发布的年度报告（不必由本系统生成）：表三的勾稽关系、合计与总计列，表四各组总计，以及与上年度报告的结转；2019 年以前的统计表核对其自身的合计"
        actions={
          <Link className="button small" href="/reports">
            返回年度报告
          </Link>
        }
      />
      <ReportChecker />
    </div>
  );
}
