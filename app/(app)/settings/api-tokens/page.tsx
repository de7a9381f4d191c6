import type { Metadata } from "next";
import { findApiTokens } from "@/lib/api-tokens/queries";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { todayInShanghai } from "@/lib/today";
import { PageHeader } from "@/components/ui/page-header";
import { CreateApiTokenForm } from "@/components/api-tokens/create-api-token-form";
import { RevokeApiTokenButton } from "@/components/api-tokens/revoke-api-token-button";

export const metadata: Metadata = { title: "API 令牌" };

export default async function ApiTokensPage() {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const tokens = await findApiTokens({ actor });
  const lastYear = Number(todayInShanghai().slice(0, 4)) - 1;
  return (
    <div className="page">
      <PageHeader
        title="API 令牌"
        subtitle="供脚本或上级机关汇总系统以只读方式读取本单位的年度报告数据（GET /api/v1/orgs/…/reports/…）；每次使用都记入审计日志"
      />
      <section className="card stack">
        <h2>新建令牌</h2>
        <p className="muted">令牌只在创建时显示一次，系统只保存其摘要。令牌只能读取本单位数据，不能修改任何内容；不再使用时请吊销。</p>
        <CreateApiTokenForm apiExample={`/api/v1/orgs/${actor.organizationCode}/reports/${lastYear}`} />
      </section>
      <section className="card">
        <table className="table" data-testid="api-token-list">
          <thead>
            <tr>
              <th>用途</th>
              <th>令牌开头</th>
              <th>创建</th>
              <th>最近使用</th>
              <th>状态</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.length === 0 ? (
              <tr>
                <td colSpan={6} className="muted">
                  还没有令牌
                </td>
              </tr>
            ) : null}
            {tokens.map((token) => (
              <tr key={token.id} data-testid={`api-token-${token.tokenPrefix}`}>
                <td>{token.name}</td>
                <td>
                  <code>{token.tokenPrefix}…</code>
                </td>
                <td>
                  {formatDateTime(token.createdAt)} {token.createdBy.displayName}
                </td>
                <td>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : "从未使用"}</td>
                <td>{token.revokedAt ? `已吊销（${formatDateTime(token.revokedAt)} ${token.revokedBy?.displayName ?? ""}）` : "有效"}</td>
                <td>{token.revokedAt ? null : <RevokeApiTokenButton tokenId={token.id} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
