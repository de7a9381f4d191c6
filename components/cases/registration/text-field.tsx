// The registration's text field (label, hint, the server's message), shared by registering and correcting.
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

/** A text field with its label, an optional hint and the server's message for it. */
export function TextField({
  id,
  name,
  label,
  error,
  hint,
  maxLength,
  className,
  autoComplete = "off",
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  error?: string;
  hint?: string;
  maxLength: number;
  className?: string;
  autoComplete?: string;
  /** The stored value, when correcting a registration. */
  defaultValue?: string;
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
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint && `${id}-hint`, error && `${id}-error`)}
      />
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
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
