"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ReportDraftState } from "@/lib/reports/publication";
import { saveReportDraftAction } from "@/lib/reports/actions";
import { activeDisclosureGrid } from "@/lib/reports/layout";
import { SECTION_TITLES } from "@/lib/reports/document";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { formatDateTime } from "@/lib/format";
import { FIGURES_PARAGRAPH_TEMPLATE, NARRATIVE_PLACEHOLDERS, previewNarrative } from "@/lib/reports/narrative";
import styles from "./reports.module.css";

function NarrativePreview({ text, values }: { text: string; values: Record<string, string> }) {
  const preview = previewNarrative(text, values);
  return (
    <div className="stack" data-testid="overview-preview">
      {preview.ok ? (
        <p className="hint">
          <span className="muted">按当前数字填写后：</span>
          {preview.text || "（无）"}
        </p>
      ) : (
        <ul className="error" role="alert">
          {preview.problems.map((problem) => (
            <li key={problem.message}>{problem.message}</li>
          ))}
        </ul>
      )}
      <details className="hint no-print">
        <summary>可用的占位符</summary>
        <table className="table">
          <tbody>
            {NARRATIVE_PLACEHOLDERS.map((placeholder) => (
              <tr key={placeholder.name}>
                <td>
                  <code>{`{${placeholder.name}}`}</code>
                </td>
                <td>{placeholder.description}</td>
                <td className="muted">{values[placeholder.name]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}

/**
 * The draft's text and table 二. A save carries the draft's version as loaded; when a colleague saved in
 * between, the server refuses it with who saved when, and what was typed stays in the form.
 */
export function ReportDraftForm({
  year,
  format,
  draft,
  placeholderValues,
  canEdit,
}: {
  year: number;
  format: "2019" | "2021";
  draft: ReportDraftState;
  /** The value of every placeholder for today's figures (narrative.ts narrativeValues), for the preview. */
  placeholderValues: Record<string, string>;
  canEdit: boolean;
}) {
  const { sections, activeDisclosure } = draft;
  const [overview, setOverview] = useState(sections.overview);
  // The version this form's content is based on: the loaded one, then each of our own saves.
  const [version, setVersion] = useState(draft.version);
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const grid = activeDisclosureGrid(format, activeDisclosure);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const disclosure: Record<string, string> = {};
    for (const [key, value] of form.entries()) {
      if (key.startsWith("disclosure:") && typeof value === "string") disclosure[key.slice("disclosure:".length)] = value;
    }
    const input = {
      year,
      format,
      version,
      sections: { overview, problems: String(form.get("problems") ?? ""), other: String(form.get("other") ?? "") },
      activeDisclosure: disclosure,
    };
    startTransition(async () => {
      const saved = await callAction(saveReportDraftAction(input));
      if (saved.ok && saved.data) setVersion(saved.data.version);
      setResult(saved);
    });
  }

  return (
    <form onSubmit={onSubmit} className="stack" data-testid="report-draft-form">
      <section className={`card ${styles.section}`}>
        <div className="page-header">
          <h2>{SECTION_TITLES.overview}</h2>
          {canEdit ? (
            <button
              type="button"
              className="button small no-print"
              onClick={() => setOverview((text) => (text ? `${text}\n${FIGURES_PARAGRAPH_TEMPLATE}` : FIGURES_PARAGRAPH_TEMPLATE))}
            >
              插入统计段落
            </button>
          ) : null}
        </div>
        <p className="hint muted">
          统计段落中的 {"{本年新收}"} 等占位符在导出和发布的文件中按表格数字填写，文字与表格始终一致；下方预览按当前数字填写。
        </p>
        <textarea aria-label="总体情况" value={overview} onChange={(event) => setOverview(event.target.value)} readOnly={!canEdit} />
        <NarrativePreview text={overview} values={placeholderValues} />
      </section>

      <section className="card">
        <h2>{SECTION_TITLES.activeDisclosure}</h2>
        <div className="table-wrap">
          <table className={styles.official} data-testid="table-active-disclosure">
            <tbody>
              {grid.map((cells, rowIndex) => (
                <tr key={rowIndex}>
                  {cells.map((cell, cellIndex) => {
                    if (cell.header) {
                      return (
                        <th key={cellIndex} colSpan={cell.colSpan} rowSpan={cell.rowSpan} className={styles.label}>
                          {cell.text}
                        </th>
                      );
                    }
                    const fieldKey = cell.fieldKey ?? "";
                    return (
                      <td key={cellIndex} colSpan={cell.colSpan} className={styles.figure}>
                        <input
                          className={styles.disclosureInput}
                          name={`disclosure:${fieldKey}`}
                          defaultValue={cell.text}
                          inputMode="decimal"
                          aria-label={fieldKey}
                          readOnly={!canEdit}
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className={`card ${styles.section}`}>
        <h2>{SECTION_TITLES.problems}</h2>
        <textarea name="problems" aria-label="存在的主要问题及改进情况" defaultValue={sections.problems} readOnly={!canEdit} />
      </section>
      <section className={`card ${styles.section}`}>
        <h2>{SECTION_TITLES.other}</h2>
        <p className="hint muted">信息处理费的件数和金额由系统按下方“六、信息处理费”自动写入报告。</p>
        <textarea name="other" aria-label="其他需要报告的事项" defaultValue={sections.other} readOnly={!canEdit} />
      </section>
      {canEdit ? (
        <div className="no-print stack">
          <ActionNotice result={result} />
          {result && !result.ok ? (
            <p className="hint">
              <a href={`/reports/${year}?format=${format}`} target="_blank" rel="noreferrer" data-testid="draft-open-latest">
                在新窗口查看最新草稿
              </a>
              ，本页填写的内容不会丢失。
            </p>
          ) : null}
          <div className="row">
            <SubmitButton pending={pending}>保存草稿</SubmitButton>
            <span className="muted" data-testid="draft-saved-by">
              {draft.updatedAt && version === draft.version ? `最近保存：${draft.updatedBy ?? "其他用户"} · ${formatDateTime(draft.updatedAt)}` : ""}
            </span>
          </div>
        </div>
      ) : null}
    </form>
  );
}
