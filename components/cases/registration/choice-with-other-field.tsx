"use client";

import { useState } from "react";

const OTHER = "其他";

/**
 * A select of the usual answers plus 其他 with free text. The value submitted under `name` is the
 * chosen answer, or the text written for 其他.
 */
export function ChoiceWithOtherField({
  id,
  name,
  label,
  otherLabel,
  options,
  hint,
  error,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  /** The label of the free-text box; must not contain `label` (tests find fields by label text). */
  otherLabel: string;
  options: readonly string[];
  hint?: string;
  error?: string;
  /** The stored answer, when correcting a registration: one of the options, or the text written for 其他. */
  defaultValue?: string | null;
}) {
  const known = defaultValue ? options.includes(defaultValue) || defaultValue === OTHER : false;
  const [choice, setChoice] = useState(defaultValue ? (known ? defaultValue : OTHER) : "");
  const [otherText, setOtherText] = useState(defaultValue && !known ? defaultValue : "");
  const submitted = choice === OTHER ? otherText.trim() || OTHER : choice;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={choice}
        onChange={(event) => setChoice(event.target.value)}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
      >
        <option value="">未注明</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
        <option value={OTHER}>{OTHER}（请注明）</option>
      </select>
      {choice === OTHER ? (
        <>
          <label htmlFor={`${id}-other`} className="hint">
            {otherLabel}
          </label>
          <input
            id={`${id}-other`}
            type="text"
            value={otherText}
            onChange={(event) => setOtherText(event.target.value)}
            maxLength={50}
            autoComplete="off"
          />
        </>
      ) : null}
      <input type="hidden" name={name} value={submitted} />
      {hint ? (
        <span id={hintId} className="hint">
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
