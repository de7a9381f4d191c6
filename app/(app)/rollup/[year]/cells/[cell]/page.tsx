import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { getRollupCell } from "@/lib/rollup/queries";
import { FIGURES_SOURCE_LABELS } from "@/lib/rollup/labels";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "汇总明细" };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** A combined figure and what each member adds to it: figures only, never cases. */
export default async function RollupCellPage({
  params,
  searchParams,
}: {
  params: Promise<{ year: string; cell: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor({ roles: ["MANAGER", "ADMIN"] });
  const { year, cell } = await params;
  const query = await searchParams;
  const format = first(query.format);
  const org = first(query.org);
  let result;
  try {
    result = await getRollupCell({ actor, year, format, organizationCode: org, cell: decodeURIComponent(cell), today: todayInShanghai() });
  } catch (error) {
    if (isAppError(error) && (error.code === "VALIDATION" || error.code === "NOT_FOUND")) notFound();
    throw error;
  }
  const search = (extra: Record<string, string | undefined>) => {
    const parameters = new URLSearchParams();
    for (const [key, value] of Object.entries({ format, org, ...extra })) if (value) parameters.set(key, value);
    const text = parameters.toString();
    return text ? `?${text}` : "";
  };
  return (
    <div className="page">
      <PageHeader
        title={`${year} 年度汇总 · ${result.description}`}
        subtitle={<span data-testid="rollup-cell-total">合计 {result.total}</span>}
        actions={
          <Link className="button" href={`/rollup/${year}${search({})}`}>
            返回汇总
          </Link>
        }
      />
      <div className="card table-wrap">
        <table className="table" data-testid="rollup-cell-rows">
          <thead>
            <tr>
              <th>单位</th>
              <th className="number">数字</th>
              <th>来源</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => (
              <tr key={row.code} data-testid={`rollup-cell-${row.code}`}>
                <td>
                  {row.name}
                  {row.kind === "self" ? <span className="muted">（本机关自身案件）</span> : null}
                  {row.descendants > 0 ? <span className="muted">（含下级 {row.descendants} 个单位）</span> : null}
                </td>
                <td className="number">{row.value}</td>
                <td>
                  <span className={`badge ${row.source === "published" ? "success" : "warning"}`}>{FIGURES_SOURCE_LABELS[row.source]}</span>
                </td>
                <td>
                  {row.kind === "self" && row.code === actor.organizationCode ? (
                    <Link href={`/reports/${year}/cells/${encodeURIComponent(result.cell)}${format ? `?format=${format}` : ""}`}>查看本机关的案件</Link>
                  ) : row.descendants > 0 ? (
                    <Link href={`/rollup/${year}/cells/${encodeURIComponent(result.cell)}${search({ org: row.code })}`}>查看其下级单位</Link>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="muted">汇总只显示各单位的数字；各单位的案件和申请人信息只有本单位可见。</p>
    </div>
  );
}
