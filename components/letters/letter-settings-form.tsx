"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { LetterKind } from "@/lib/domain-types";
import { saveLetterSettingsAction } from "@/lib/letters/actions";
import { LETTER_KINDS, LETTER_KIND_LABELS } from "@/lib/letters/definitions";
import type { Letterhead } from "@/lib/letters/values";
import type { ActionResult } from "@/lib/errors";
import { callAction } from "@/components/ui/call-action";
import { ActionNotice, fieldError } from "@/components/ui/action-notice";
import { SubmitButton } from "@/components/ui/submit-button";

interface Settings extends Letterhead {
  numberPatterns: Record<LetterKind, string>;
  version: number;
}

const FIELDS = [
  { name: "fullName", label: "机关全称", hint: "文书抬头与落款" },
  { name: "address", label: "通信地址", hint: "" },
  { name: "postalCode", label: "邮政编码", hint: "" },
  { name: "telephone", label: "联系电话", hint: "" },
  { name: "reviewOrgan", label: "行政复议机关", hint: "答复书告知的复议机关，如“示例市人民政府”" },
  { name: "court", label: "人民法院", hint: "答复书告知的管辖法院，如“示例市某某区人民法院”" },
] as const;

/** 文书设置: the letterhead and the number pattern of each kind. A save carries the version it was loaded with. */
export function LetterSettingsForm({ settings }: { settings: Settings }) {
  const [version, setVersion] = useState(settings.version);
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    const input = {
      ...Object.fromEntries(FIELDS.map((field) => [field.name, text(field.name)])),
      numberPatterns: Object.fromEntries(LETTER_KINDS.map((kind) => [kind, text(`pattern:${kind}`)])),
      version,
    };
    startTransition(async () => {
      const saved = await callAction(saveLetterSettingsAction(input));
      setResult(saved);
      if (saved.ok && saved.data) setVersion(saved.data.version);
    });
  }

  return (
    <form className="form" onSubmit={onSubmit} data-testid="letter-settings-form">
      <ActionNotice result={result} />
      {FIELDS.map((field) => (
        <div className="field" key={field.name}>
          <label htmlFor={field.name}>{field.label}</label>
          <input id={field.name} name={field.name} defaultValue={settings[field.name] ?? ""} />
          {field.hint ? <span className="hint">{field.hint}</span> : null}
          {fieldError(result, field.name) ? <span className="error">{fieldError(result, field.name)}</span> : null}
        </div>
      ))}
      <fieldset className="stack">
        <legend>文号规则</legend>
        <span className="hint">每种文书按年度分别编号。可用 {"{年}"}、{"{序号}"}、{"{序号:位数}"}、{"{前缀}"}（机构设置中的案件编号前缀），须含年和序号。</span>
        {LETTER_KINDS.map((kind) => (
          <div className="field" key={kind}>
            <label htmlFor={`pattern-${kind}`}>{LETTER_KIND_LABELS[kind]}</label>
            <input id={`pattern-${kind}`} name={`pattern:${kind}`} defaultValue={settings.numberPatterns[kind]} />
            {fieldError(result, `numberPatterns.${kind}`) ? <span className="error">{fieldError(result, `numberPatterns.${kind}`)}</span> : null}
          </div>
        ))}
      </fieldset>
      <p className="hint muted">当前为第 {version} 版{version === 0 ? "（尚未保存）" : ""}。</p>
      <div>
        <SubmitButton pending={pending}>保存文书设置</SubmitButton>
      </div>
    </form>
  );
}
