"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { ActionResult } from "@/lib/errors";

type FormAction<T> = (previous: ActionResult<T> | null, form: FormData) => Promise<ActionResult<T>>;

/**
 * Submits a form to a server action without React's automatic form reset (which `<form action>`
 * does after every submission), so that a refused submission keeps everything the user typed.
 * With `resetOnSuccess` the form is cleared after a successful submission only.
 */
export function useFormAction<T = undefined>(action: FormAction<T>, options: { resetOnSuccess?: boolean } = {}) {
  const [result, dispatch, pending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const resetOnSuccess = options.resetOnSuccess ?? false;

  useEffect(() => {
    if (resetOnSuccess && result?.ok) formRef.current?.reset();
  }, [result, resetOnSuccess]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  }

  return { result, onSubmit, pending, formRef };
}
