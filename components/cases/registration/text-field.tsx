// The registration's text field (label, hint, a warning that does not stop the submission, the server's message), shared by registering and correcting.
// Its limit is counted as typed (CountedText), never enforced by cutting what was pasted.
import { CountedText } from "@/components/ui/char-count";

export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** A text field with its label, an optional hint and the server's message for it. */
export function TextField({
  id,
  name,
  label,
  error,
  hint,
  warning,
  maxLength,
  className,
  defaultValue,
  onChange,
}: {
  id: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  /** A note that does not stop the submission (e.g. an ID number's check digit). */
  warning?: string | null;
  maxLength: number;
  className?: string;
  /** The stored value, when correcting a registration. */
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <CountedText
        id={id}
        name={name}
        max={maxLength}
        defaultValue={defaultValue}
        onValue={onChange}
        invalid={Boolean(error)}
        describedBy={describedBy(hint && `${id}-hint`, warning && `${id}-warning`, error && `${id}-error`)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      ) : null}
      {warning ? (
        <span id={`${id}-warning`} className="hint" role="status" data-testid={`${id}-warning`}>
          {warning}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}

/** The first field in error, to focus after a refused submission (radios mark it with data-invalid: ARIA has no aria-invalid for a radio). */
export const FIRST_INVALID_FIELD = '[aria-invalid="true"], [data-invalid="true"]';
