"use client";

import { useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { fieldError } from "@/components/ui/action-notice";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/auth/password-length";
import styles from "./users.module.css";

const MISMATCH_MESSAGE = "两次输入的密码不一致";

/**
 * A new password typed twice. Only the first field is submitted (as `password`); while the two differ the
 * second field is invalid, so the browser does not submit the form. The server checks the rules again.
 */
export function NewPasswordFields({ label, result }: { label: string; result: ActionResult | null }) {
  const passwordId = useId();
  const confirmationId = useId();
  const passwordRef = useRef<HTMLInputElement>(null);
  const confirmationRef = useRef<HTMLInputElement>(null);
  const [showMismatch, setShowMismatch] = useState(false);
  const serverError = fieldError(result, "password");

  function isMismatch(): boolean {
    return (passwordRef.current?.value ?? "") !== (confirmationRef.current?.value ?? "");
  }

  function syncValidity() {
    const mismatch = isMismatch();
    confirmationRef.current?.setCustomValidity(mismatch ? MISMATCH_MESSAGE : "");
    if (!mismatch) setShowMismatch(false);
  }

  return (
    <div className={styles.fieldGrid}>
      <div className="field">
        <label htmlFor={passwordId}>{label}</label>
        <input
          ref={passwordRef}
          id={passwordId}
          name="password"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          onInput={syncValidity}
          aria-invalid={serverError ? true : undefined}
        />
        <span className="hint">至少 {PASSWORD_MIN_LENGTH} 位，须同时包含字母和数字，不能包含用户名，不能是常见密码</span>
        {serverError ? <span className="error">{serverError}</span> : null}
      </div>
      <div className="field">
        <label htmlFor={confirmationId}>确认密码</label>
        <input
          ref={confirmationRef}
          id={confirmationId}
          type="password"
          autoComplete="new-password"
          required
          onInput={syncValidity}
          onBlur={() => setShowMismatch(isMismatch() && (confirmationRef.current?.value ?? "") !== "")}
          onInvalid={() => setShowMismatch(isMismatch())}
          aria-invalid={showMismatch ? true : undefined}
        />
        <span className="hint">再次输入同一密码</span>
        {showMismatch ? (
          <span className="error" data-testid="password-mismatch">
            {MISMATCH_MESSAGE}
          </span>
        ) : null}
      </div>
    </div>
  );
}
