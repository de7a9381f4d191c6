import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireOperator } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { findOrganizations } from "@/lib/organizations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { CreateOrganizationForm } from "@/components/operator/create-organization-form";

export const metadata: Metadata = { title: "机构管理" };

export default async function OperatorPage() {
  const operator = await requireOperator();
  const organizations = await findOrganizations({ operator });
  return (
    <div className="page">
      <PageHeader
        title="机构管理"
        subtitle="系统管理员维护本系统的机构和全国工作日历；各机构的案件、报表和用户由机构自己的管理员管理，系统管理员看不到"
        actions={
          <Link className="button" href="/settings/calendar">
            工作日历
          </Link>
        }
      />
      <div className="grid-2">
        <section className="card">
          <h2>全部机构（{organizations.length}）</h2>
          <table className="table" data-testid="organization-list">
            <thead>
              <tr>
                <th>代码</th>
                <th>名称</th>
                <th>上级</th>
                <th>双因素认证</th>
                <th>启用账户</th>
                <th>创建</th>
              </tr>
            </thead>
            <tbody>
              {organizations.map((organization) => (
                <tr key={organization.id} data-testid={`organization-${organization.code}`}>
                  <td>{organization.code}</td>
                  <td>{organization.name}</td>
                  <td>{organization.parent ? organization.parent.name : "—"}</td>
                  <td>{organization.requireTotp ? "要求" : "未要求"}</td>
                  <td>{organization._count.users}</td>
                  <td>{formatDateTime(organization.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section className="card stack">
          <h2>新建机构</h2>
          <CreateOrganizationForm />
        </section>
      </div>
    </div>
  );
}
