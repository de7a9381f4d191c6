"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { getRegistrationHintsAction } from "@/lib/cases/registration-actions";
import type { RegistrationHints, RegistrationHintsInput } from "@/lib/cases/registration-queries";

const NO_HINTS: RegistrationHints = {
  matchedBy: null,
  earlierApplications: [],
  similarSearched: false,
  similarRequests: [],
  monthCount: null,
};

export interface RegistrationHintsState {
  hints: RegistrationHints;
  loading: boolean;
  errorMessage: string | null;
}

/**
 * The hints for what the form holds, refreshed `delayMs` after the clerk stops typing. Only the answer
 * to the latest question is shown: an earlier, slower answer that arrives late is dropped.
 */
export function useRegistrationHints(delayMs = 400) {
  const [state, setState] = useState<RegistrationHintsState>({ hints: NO_HINTS, loading: false, errorMessage: null });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestRequest = useRef(0);
  const lastQueryKey = useRef<string | null>(null);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const requestHints = useCallback(
    (query: RegistrationHintsInput) => {
      const queryKey = JSON.stringify(query);
      if (queryKey === lastQueryKey.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(async () => {
        lastQueryKey.current = queryKey;
        const requestNumber = ++latestRequest.current;
        setState((previous) => ({ ...previous, loading: true }));
        let next: RegistrationHintsState;
        try {
          const result = await getRegistrationHintsAction(query);
          next = result.ok
            ? { hints: result.data ?? NO_HINTS, loading: false, errorMessage: null }
            : { hints: NO_HINTS, loading: false, errorMessage: result.message };
        } catch {
          next = { hints: NO_HINTS, loading: false, errorMessage: "提示暂时无法加载，不影响登记" };
        }
        if (requestNumber !== latestRequest.current) return;
        setState(next);
        // After a failure the same question is asked again on the next change.
        if (next.errorMessage) lastQueryKey.current = null;
      }, delayMs);
    },
    [delayMs],
  );

  return { ...state, requestHints };
}
