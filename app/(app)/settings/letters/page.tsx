import type { Metadata } from "next";
import { Link } from "@/components/link";
import { requireActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { getLetterSettingsForm, listLetterTemplates } from "@/lib/letters/queries";
import { PageHeader } from "@/components/ui/page-header";
import { LetterSettingsForm } from "@/components/letters/letter-settings-form";

export const metadata: Metadata = { title: "文书设置" };

export default async function LetterSettingsPage() {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const [settings, templates] = await Promise.all([getLetterSettingsForm({ actor }), listLetterTemplates({ actor })]);
  return (
    <div className="page">
      <PageHeader title="文书设置" subtitle="文书抬头、复议机关和法院、文号规则，以及各类文书的模板" />
      <div className="grid-2">
        <section className="card">
          <h2>抬头与文号</h2>
          <LetterSettingsForm settings={settings} />
        </section>
        <section className="card">
          <h2>文书模板</h2>
          <table className="table" data-testid="letter-templates">
            <thead>
              <tr>
                <th>模板</th>
                <th>版本</th>
              </tr>
            </thead>
            <tbody>
              {templates.map((template) => (
                <tr key={`${template.kind}/${template.variant}`}>
                  <td>
                    <Link href={`/settings/letters/${template.kind}/${template.variant}`}>{template.label}</Link>
                  </td>
                  <td className="muted">{template.version === 0 ? "系统内置" : `第 ${template.version} 版 · ${formatDateTime(template.savedAt!)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </div>
  );
}
