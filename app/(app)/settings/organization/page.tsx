import type { Metadata } from "next";
import { requireActor } from "@/lib/auth/session";
import { getOwnOrganization } from "@/lib/organizations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { OrganizationSettingsForm } from "@/components/organizations/organization-settings-form";

export const metadata: Metadata = { title: "机构设置" };

export default async function OrganizationSettingsPage() {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const organization = await getOwnOrganization({ actor });
  return (
    <div className="page">
      <PageHeader
        title="机构设置"
        subtitle={`机构代码 ${organization.code}${organization.parent ? ` · 上级机构 ${organization.parent.name}` : ""}`}
      />
      <div className="card">
        <OrganizationSettingsForm
          settings={{
            name: organization.name,
            appealsBasis: organization.appealsBasis,
            feeStopsClock: organization.feeStopsClock,
            requireTotp: organization.requireTotp,
            caseNumberPrefix: organization.caseNumberPrefix,
            caseNumberPattern: organization.caseNumberPattern,
            version: organization.version,
          }}
        />
      </div>
    </div>
  );
}
