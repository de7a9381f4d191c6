"use client";

// The server's message for one field, shown beside it (the step forms): the form's result is given once
// through FieldErrorsProvider, each field shows its own. A field named "reason" also takes the message of
// "details.reason" (the step's details are nested in the schema).
import { createContext, useContext, type ReactNode } from "react";

const FieldErrorsContext = createContext<Record<string, string[]> | undefined>(undefined);

export function FieldErrorsProvider({ errors, children }: { errors: Record<string, string[]> | undefined; children: ReactNode }) {
  return <FieldErrorsContext.Provider value={errors}>{children}</FieldErrorsContext.Provider>;
}

export function useFieldError(name: string): string | undefined {
  const errors = useContext(FieldErrorsContext);
  return errors?.[`details.${name}`]?.[0] ?? errors?.[name]?.[0];
}

/** The message for `name`, with the id `${id}-error` that the field's aria-describedby names. */
export function FieldMessage({ id, name }: { id: string; name: string }) {
  const error = useFieldError(name);
  if (!error) return null;
  return (
    <span id={`${id}-error`} className="error" data-testid={`${id}-error`}>
      {error}
    </span>
  );
}
