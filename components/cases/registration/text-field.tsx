// The registration's text field (label, hint, a warning that does not stop the submission, the server's message), shared by registering and correcting.
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
  autoComplete = "off",
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
  autoComplete?: string;
  /** The stored value, when correcting a registration. */
  defaultValue?: string;
  onChange?: (value: string) => void;
}) {
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        maxLength={maxLength}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, warning && `${id}-warning`, error && `${id}-error`)}
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
