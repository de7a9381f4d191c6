import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { can } from "@/lib/auth/permissions";
import { getOpeningBalance } from "@/lib/reports/opening-balance";
import { COLUMN_KEYS, COLUMN_LABELS } from "@/lib/reports/definitions";
import { formatDateTime } from "@/lib/format";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { OpeningBalanceForm, RemoveOpeningBalanceForm } from "@/components/opening-balance/opening-balance-form";
import styles from "@/components/opening-balance/opening-balance.module.css";

export const metadata: Metadata = { title: "期初余额" };

/** rules.md §7: 四 of the report published before the organization's first year in the system. */
export default async function OpeningBalancePage() {
  const actor = await requireActor();
  const { balance, firstCaseYear, publishedYears } = await getOpeningBalance({ actor });
  const canEdit = can(actor, "report:opening-balance");
  const thisYear = Number(todayInShanghai().slice(0, 4));
  const suggestedYear = (firstCaseYear ?? thisYear) - 1;
  return (
    <div className="page">
      <PageHeader
        title="期初余额"
        subtitle="本机构开始使用本系统之前一年已发布报告的“四、结转下年度继续办理”，用于核对第一个年度报告的“二、上年结转”"
        actions={
          balance ? (
            <Link className="button small" href={`/reports/${balance.year + 1}`}>
              查看 {balance.year + 1} 年度报告
            </Link>
          ) : null
        }
      />
      <div className="notice info">
        本机构在系统中的第一个年度，“二、上年结转”只统计系统中收到日期在该年之前的申请。核对 3（二＝上年四）有两种依据：
        导入上年未办结的申请（案件台账 → 导入台账），或在此录入上年已发布报告中的“四”及其来源文件。
        {firstCaseYear ? ` 本机构最早的申请收于 ${firstCaseYear} 年。` : " 本机构尚无申请。"}
        {publishedYears.length > 0 ? ` 已在系统中发布的年度：${publishedYears.join("、")}。` : ""}
      </div>

      {balance ? (
        <section className="card" aria-labelledby="opening-current" data-testid="opening-balance">
          <h2 id="opening-current">{balance.year} 年度报告的“四、结转下年度继续办理”</h2>
          <table className="table">
            <thead>
              <tr>
                {COLUMN_KEYS.map((key) => (
                  <th key={key} className="number">
                    {COLUMN_LABELS[key]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {balance.carriedOut.map((count, index) => (
                  <td key={COLUMN_KEYS[index]} className="number">
                    {count}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
          <dl className={styles.facts}>
            <dt>来源</dt>
            <dd>{balance.source}</dd>
            <dt>录入</dt>
            <dd>
              {balance.enteredBy ?? ""} · {formatDateTime(balance.updatedAt)}
            </dd>
            <dt>用于</dt>
            <dd>{balance.year + 1} 年度报告的核对：二＝期初余额</dd>
          </dl>
        </section>
      ) : (
        <p className="muted" data-testid="opening-balance-none">
          尚未录入期初余额。
        </p>
      )}

      {canEdit ? (
        <section className="card" aria-labelledby="opening-edit">
          <h2 id="opening-edit">{balance ? "更正期初余额" : "录入期初余额"}</h2>
          <OpeningBalanceForm
            balance={balance ? { ...balance, updatedAt: balance.updatedAt.toISOString() } : null}
            suggestedYear={suggestedYear}
          />
        </section>
      ) : null}
      {canEdit && balance ? (
        <section className="card" aria-labelledby="opening-remove">
          <h2 id="opening-remove">删除期初余额</h2>
          <RemoveOpeningBalanceForm updatedAt={balance.updatedAt.toISOString()} />
        </section>
      ) : null}
    </div>
  );
}
