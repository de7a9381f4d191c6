"use client";

import { useRef, useState } from "react";
import { saveLetterTemplateAction } from "@/lib/letters/actions";
import { LETTER_PLACEHOLDERS, LETTER_PLACEHOLDER_NAMES } from "@/lib/letters/definitions";
import { checkTextTemplate, fillTextTemplate } from "@/lib/templating/text";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";

interface Props {
  kind: string;
  variant: string;
  version: number;
  title: string;
  body: string;
  layoutFileName: string | null;
  builtInBody: string;
  /** The preview's placeholder values (a sample case). */
  sampleValues: Record<string, string>;
}

/** An administrator edits a template: the text with placeholders, a live preview on sample values, the layout. */
export function TemplateEditor({ kind, variant, version, title, body: savedBody, layoutFileName, builtInBody, sampleValues }: Props) {
  const { result, onSubmit, pending } = useFormAction(saveLetterTemplateAction);
  const [body, setBody] = useState(savedBody);
  const [layout, setLayout] = useState("keep");
  const textArea = useRef<HTMLTextAreaElement>(null);
  const problems = checkTextTemplate(body, LETTER_PLACEHOLDER_NAMES);
  // After a save the page reloads with the new version; until then the form names the one it started from.
  const expectedVersion = result?.ok && result.data ? result.data.version : version;

  function insert(name: string) {
    const element = textArea.current;
    const placeholder = `{${name}}`;
    if (!element) return setBody((text) => text + placeholder);
    const { selectionStart, selectionEnd } = element;
    setBody((text) => text.slice(0, selectionStart) + placeholder + text.slice(selectionEnd));
  }

  return (
    <form className="stack" onSubmit={onSubmit} data-testid="template-editor" encType="multipart/form-data">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="variant" value={variant} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <ActionNotice result={result} />
      <div className="field">
        <label htmlFor="title">标题</label>
        <input id="title" name="title" defaultValue={title} required />
      </div>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="body">正文（每行一段）</label>
          <textarea ref={textArea} id="body" name="body" rows={18} value={body} onChange={(event) => setBody(event.target.value)} />
          {fieldError(result, "body") ? <span className="error">{fieldError(result, "body")}</span> : null}
          <div className="row">
            <button type="button" className="button small" onClick={() => setBody(builtInBody)}>
              恢复系统内置文本
            </button>
          </div>
        </div>
        <div className="stack">
          <span className="label">预览（示例数据）</span>
          {problems.length > 0 ? (
            <ul className="notice error" role="alert" data-testid="template-problems">
              {problems.map((problem) => (
                <li key={problem.message}>{problem.message}</li>
              ))}
            </ul>
          ) : (
            <div className="card" data-testid="template-preview">
              {fillTextTemplate(body, sampleValues, LETTER_PLACEHOLDER_NAMES)
                .split("\n")
                .filter((line) => line.trim())
                .map((line, index) => (
                  <p key={index}>{line}</p>
                ))}
            </div>
          )}
        </div>
      </div>
      <details>
        <summary>占位符（点击插入）</summary>
        <table className="table">
          <tbody>
            {LETTER_PLACEHOLDERS.map((placeholder) => (
              <tr key={placeholder.name}>
                <td>
                  <button type="button" className="button link" onClick={() => insert(placeholder.name)}>{`{${placeholder.name}}`}</button>
                </td>
                <td>{placeholder.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint muted">条件段：{"{#代理人}…{/代理人}"} 只在有值时出现，{"{^代理人}…{/代理人}"} 只在无值时出现。</p>
      </details>
      <fieldset className="stack">
        <legend>版式（Word 文件）</legend>
        <label className="checkbox">
          <input type="radio" name="layout" value="keep" checked={layout === "keep"} onChange={() => setLayout("keep")} />
          沿用当前版式：{layoutFileName ?? "系统标准版式"}
        </label>
        <label className="checkbox">
          <input type="radio" name="layout" value="standard" checked={layout === "standard"} onChange={() => setLayout("standard")} />
          使用系统标准版式
        </label>
        <label className="checkbox">
          <input type="radio" name="layout" value="upload" checked={layout === "upload"} onChange={() => setLayout("upload")} />
          上传本机关的版式（.docx，不超过 1 MB）
        </label>
        {layout === "upload" ? <input type="file" name="layoutFile" accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" /> : null}
        <span className="hint">
          版式中可用的标记：{"{机关全称}"} {"{标题}"} {"{文号}"} {"{收件人}"} {"{文书日期}"} {"{机关地址}"} {"{邮政编码}"} {"{机关电话}"} {"{案件编号}"}；正文写作三段：单独一段 {"{#段落}"}，其后一段 {"{文字}"}（设好正文格式），再单独一段 {"{/段落}"}。
        </span>
        {fieldError(result, "layout") ? <span className="error">{fieldError(result, "layout")}</span> : null}
      </fieldset>
      <div className="field">
        <label htmlFor="reason">修改说明</label>
        <input id="reason" name="reason" />
      </div>
      <div>
        <SubmitButton pending={pending}>保存为新版本</SubmitButton>
      </div>
    </form>
  );
}
