"use client";

// A long form's draft kept in this browser (localStorage) while it is typed, so that a reload, a
// closed tab or a crash loses nothing: restored when the form opens again, removed once submitted
// (and saved again if the server refuses the submission). Per user and per form: `key` names both.
import { useCallback, useEffect, useState, type RefObject } from "react";

type Draft = Record<string, string[]>;

function read(form: HTMLFormElement): Draft {
  const draft: Draft = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (typeof value === "string") (draft[name] ??= []).push(value);
  }
  return draft;
}

function setNativeValue(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), "value")?.set;
  setter?.call(element, value);
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? "change" : "input", { bubbles: true }));
}

/** Puts the draft's values into the form's fields (as typed, so React's state follows); returns how many it set. */
function restore(form: HTMLFormElement, draft: Draft): number {
  let restored = 0;
  for (const [name, values] of Object.entries(draft)) {
    const elements = [...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[name="${CSS.escape(name)}"]`)];
    for (const element of elements) {
      if (element instanceof HTMLInputElement && (element.type === "radio" || element.type === "checkbox")) {
        const checked = values.includes(element.value);
        if (checked !== element.checked) {
          element.click();
          restored += 1;
        }
      } else if (!(element instanceof HTMLInputElement && (element.type === "hidden" || element.type === "file"))) {
        const value = values[elements.indexOf(element)] ?? values[0] ?? "";
        if (element.value !== value) {
          setNativeValue(element, value);
          restored += 1;
        }
      }
    }
  }
  return restored;
}

/** The draft stored under `key` (as useLocalDraft names it), e.g. for fields kept in React state; null when none. */
export function readLocalDraft(key: string): Draft | null {
  try {
    const stored = window.localStorage.getItem(`gongkai-draft:${key}`);
    return stored ? (JSON.parse(stored) as Draft) : null;
  } catch {
    return null;
  }
}

export function useLocalDraft(formRef: RefObject<HTMLFormElement | null>, key: string) {
  const [restored, setRestored] = useState(false);
  const storageKey = `gongkai-draft:${key}`;

  const save = useCallback(() => {
    if (formRef.current) window.localStorage.setItem(storageKey, JSON.stringify(read(formRef.current)));
  }, [formRef, storageKey]);

  const clear = useCallback(() => window.localStorage.removeItem(storageKey), [storageKey]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const stored = window.localStorage.getItem(storageKey);
    if (stored) {
      try {
        const draft = JSON.parse(stored) as Draft;
        // Twice: fields that appear only after a choice (e.g. the applicant type's) exist after the first pass.
        let count = restore(form, draft);
        setTimeout(() => {
          count += restore(form, draft);
          if (count > 0) setRestored(true);
        }, 50);
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInput = () => {
      clearTimeout(timer);
      timer = setTimeout(save, 400);
    };
    form.addEventListener("input", onInput);
    form.addEventListener("change", onInput);
    return () => {
      clearTimeout(timer);
      form.removeEventListener("input", onInput);
      form.removeEventListener("change", onInput);
    };
  }, [formRef, storageKey, save]);

  return { restored, save, clear };
}
