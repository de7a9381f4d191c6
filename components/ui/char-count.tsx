"use client";

// A text field's limit shown before it bites: "已输入 120 / 500 字", red past the limit. The field itself
// has no maxLength, so a long paste is kept whole (not silently cut) and the form's own check, or the
// server's, says at the field what is too long.
import { useState, type ChangeEvent } from "react";

/** Characters as the server counts them (zod's max counts UTF-16 code units of the trimmed text). */
export function countedLength(value: string): number {
  return value.trim().length;
}

export function CharCount({ id, length, max }: { id: string; length: number; max: number }) {
  const over = length > max;
  return (
    <span id={id} className={over ? "error" : "hint"} aria-live="polite" data-testid={id}>
      {over ? `已输入 ${length} 字，超出上限 ${max} 字，请删减 ${length - max} 字` : `已输入 ${length} / ${max} 字`}
    </span>
  );
}

/** An input or textarea with its counter; uncontrolled for the form (FormData reads it), counted as typed. */
export function CountedText({
  as = "input",
  id,
  name,
  max,
  defaultValue = "",
  invalid,
  describedBy,
  rows,
  placeholder,
  onValue,
}: {
  as?: "input" | "textarea";
  id: string;
  name: string;
  max: number;
  defaultValue?: string;
  invalid?: boolean;
  /** Ids of the hint and message; the counter's id is added. */
  describedBy?: string;
  rows?: number;
  placeholder?: string;
  onValue?: (value: string) => void;
}) {
  const [length, setLength] = useState(() => countedLength(defaultValue));
  const countId = `${id}-count`;
  const over = length > max;
  const common = {
    id,
    name,
    defaultValue,
    placeholder,
    "aria-invalid": invalid || over ? true : undefined,
    "aria-describedby": [describedBy, countId].filter(Boolean).join(" "),
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      setLength(countedLength(event.target.value));
      onValue?.(event.target.value);
    },
  };
  return (
    <>
      {as === "textarea" ? <textarea {...common} rows={rows ?? 3} /> : <input {...common} type="text" autoComplete="off" />}
      <CharCount id={countId} length={length} max={max} />
    </>
  );
}
