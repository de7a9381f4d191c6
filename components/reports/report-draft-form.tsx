"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type FormEvent, type ReactNode } from "react";
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

/** Typing stops this long before the draft saves itself. */
const AUTOSAVE_DELAY_MS = 2_000;

/**
 * The draft's text and table 二. A save carries the draft's version as loaded; when a colleague saved in
 * between, the server refuses it with who saved when, and what was typed stays in the form.
 *
 * Nothing typed is lost (issue 13): the draft saves itself on the server a moment after typing stops
 * (with the same version check, so it never overwrites a colleague's save: a refused autosave stops
 * autosaving and says so), and leaving the page with unsaved text asks first.
 */
export function ReportDraftForm({
  year,
  format,
  draft,
  placeholderValues,
  canEdit,
  statisticalTables,
  feeFigures,
}: {
  year: number;
  format: "2019" | "2021";
  draft: ReportDraftState;
  /** The value of every placeholder for today's figures (narrative.ts narrativeValues), for the preview. */
  placeholderValues: Record<string, string>;
  canEdit: boolean;
  /** Sections 三 and 四, computed from the case log: shown between 二 and 五, as the report orders them. */
  statisticalTables?: ReactNode;
  /** The fee figures of section 六, computed from the case log. */
  feeFigures?: ReactNode;
}) {
  const { sections, activeDisclosure } = draft;
  const [overview, setOverview] = useState(sections.overview);
  // The version this form's content is based on: the loaded one, then each of our own saves.
  const [version, setVersion] = useState(draft.version);
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [pending, startTransition] = useTransition();
  const grid = activeDisclosureGrid(format, activeDisclosure);
  const formRef = useRef<HTMLFormElement>(null);
  // Changes not saved yet (a counter, so that typing during a save is not taken as saved).
  const [dirty, setDirty] = useState(0);
  const [autosave, setAutosave] = useState<{ state: "idle" | "saving" | "saved" | "stopped"; at?: Date }>({ state: "idle" });
  const versionRef = useRef(version);
  useEffect(() => {
    versionRef.current = version;
  }, [version]);

  const save = useCallback(
    async (mode: "manual" | "auto") => {
      const element = formRef.current;
      if (!element) return;
      const form = new FormData(element);
      const disclosure: Record<string, string> = {};
      for (const [key, value] of form.entries()) {
        if (key.startsWith("disclosure:") && typeof value === "string") disclosure[key.slice("disclosure:".length)] = value;
      }
      const input = {
        year,
        format,
        version: versionRef.current,
        sections: { overview: String(form.get("overview") ?? ""), problems: String(form.get("problems") ?? ""), other: String(form.get("other") ?? "") },
        activeDisclosure: disclosure,
      };
      const savedChanges = dirty;
      if (mode === "auto") setAutosave({ state: "saving" });
      const saved = await callAction(saveReportDraftAction(input));
      if (saved.ok && saved.data) {
        versionRef.current = saved.data.version;
        setVersion(saved.data.version);
        setDirty((current) => (current === savedChanges ? 0 : current));
        setAutosave({ state: "saved", at: new Date() });
        if (mode === "manual") setResult(saved);
      } else {
        // Refused (a colleague saved in between, or bad input): say so and stop saving by itself.
        setAutosave({ state: "stopped" });
        setResult(saved);
      }
    },
    [year, format, dirty],
  );

  // Autosave a moment after the last change, unless a refused save stopped it.
  useEffect(() => {
    if (!canEdit || dirty === 0 || autosave.state === "stopped") return;
    const timer = setTimeout(() => startTransition(() => save("auto")), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [dirty, canEdit, autosave.state, save]);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (dirty === 0) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [dirty]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(() => save("manual"));
  }

  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      onInput={canEdit ? () => setDirty((count) => count + 1) : undefined}
      className="stack"
      data-testid="report-draft-form"
    >
      <section className={`card ${styles.section}`}>
        <div className="page-header">
          <h2>{SECTION_TITLES.overview}</h2>
          {canEdit ? (
            <button
              type="button"
              className="button small no-print"
              onClick={() => {
                setOverview((text) => (text ? `${text}\n${FIGURES_PARAGRAPH_TEMPLATE}` : FIGURES_PARAGRAPH_TEMPLATE));
                setDirty((count) => count + 1);
              }}
            >
              插入统计段落
            </button>
          ) : null}
        </div>
        <p className="hint muted">
          统计段落中的 {"{本年新收}"} 等占位符在导出和发布的文件中按表格数字填写，文字与表格始终一致；下方预览按当前数字填写。
        </p>
        <textarea name="overview" aria-label="总体情况" value={overview} onChange={(event) => setOverview(event.target.value)} readOnly={!canEdit} />
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

      {statisticalTables}

      <section className={`card ${styles.section}`}>
        <h2>{SECTION_TITLES.problems}</h2>
        <textarea name="problems" aria-label="存在的主要问题及改进情况" defaultValue={sections.problems} readOnly={!canEdit} />
      </section>
      <section className={`card ${styles.section}`}>
        <h2>{SECTION_TITLES.other}</h2>
        <p className="hint muted">信息处理费的件数和金额由系统按下列数字自动写入报告。</p>
        {feeFigures}
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
            <span className="muted" data-testid="draft-autosave" aria-live="polite">
              {autosave.state === "saving"
                ? "正在自动保存…"
                : autosave.state === "stopped"
                  ? "未能保存，已停止自动保存：请按上方提示处理，本页内容不会丢失"
                  : dirty > 0
                    ? "有未保存的修改，停止输入后自动保存"
                    : autosave.state === "saved" && autosave.at
                      ? `已自动保存 ${formatDateTime(autosave.at).slice(11)}`
                      : ""}
            </span>
          </div>
        </div>
      ) : null}
    </form>
  );
}
