import { Link } from "@/components/link";
import type { CarryOverBasis } from "@/lib/reports/opening-balance";

/** Says what check 3 (二＝上年四) of the report compared 二 with (rules.md §7). */
export function CarryOverBasisNote({ basis }: { basis: CarryOverBasis }) {
  const { previousYear } = basis;
  let text: string;
  let link: string | null = null;
  switch (basis.kind) {
    case "published":
      text = `“二、上年结转”与本系统已发布的 ${previousYear} 年度报告（第 ${basis.version} 版）的“四”核对。`;
      break;
    case "opening":
      text = `“二、上年结转”与录入的期初余额核对：${previousYear} 年度报告的“四”，来源 ${basis.source}。`;
      link = "查看或更正期初余额";
      break;
    case "cases":
      text = `${previousYear} 年度没有已发布的报告，也没有期初余额：“二、上年结转”按系统中 ${previousYear + 1} 年以前收到的 ${basis.casesBefore} 件申请统计，只与按现有数据生成的 ${previousYear} 年度“四”核对。`;
      link = "录入期初余额";
      break;
    case "none":
      text = `系统中没有 ${previousYear + 1} 年以前收到的申请，也没有 ${previousYear} 年度的报告或期初余额：若本机构在 ${previousYear} 年已有结转的申请，请导入这些未办结的申请，或录入 ${previousYear} 年度报告的“四”作为期初余额，核对 3 才有意义。`;
      link = "录入期初余额";
      break;
  }
  return (
    <p className="muted" data-testid="carry-over-basis" data-basis={basis.kind}>
      {text}
      {link ? (
        <>
          {" "}
          <Link href="/reports/opening-balance">{link}</Link>
        </>
      ) : null}
    </p>
  );
}
