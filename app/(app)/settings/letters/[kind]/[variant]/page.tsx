import type { Metadata } from "next";
import { Link } from "@/components/link";
import { notFound } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { getLetterTemplateForEditing } from "@/lib/letters/queries";
import { PageHeader } from "@/components/ui/page-header";
import { TemplateEditor } from "@/components/letters/template-editor";

export const metadata: Metadata = { title: "文书模板" };

export default async function LetterTemplatePage({ params }: { params: Promise<{ kind: string; variant: string }> }) {
  const actor = await requireActor({ roles: ["ADMIN"] });
  const { kind, variant } = await params;
  let template;
  try {
    template = await getLetterTemplateForEditing({ actor, kind, variant: decodeURIComponent(variant) });
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) notFound();
    throw error;
  }
  return (
    <div className="page">
      <PageHeader
        title={template.label}
        subtitle={template.version === 0 ? "当前使用系统内置文本" : `当前为第 ${template.version} 版`}
        actions={
          <Link className="button small" href="/settings/letters">
            返回文书设置
          </Link>
        }
      />
      <section className="card">
        <TemplateEditor
          key={template.version}
          kind={template.kind}
          variant={template.variant}
          version={template.version}
          title={template.title}
          body={template.body}
          layoutFileName={template.layoutFileName}
          builtInBody={template.builtIn.body}
          sampleValues={template.sampleValues}
        />
      </section>
      <section className="card">
        <h2>历史版本</h2>
        {template.versions.length === 0 ? (
          <p className="muted">尚无保存的版本，使用系统内置文本。</p>
        ) : (
          <ul data-testid="template-versions">
            {template.versions.map((version) => (
              <li key={version.version}>
                第 {version.version} 版 · {formatDateTime(version.createdAt)} · {version.createdBy ?? ""}
                {version.reason ? ` · ${version.reason}` : ""}
                {version.layoutFileName ? ` · 版式 ${version.layoutFileName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
