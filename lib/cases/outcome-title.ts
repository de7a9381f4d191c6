// An outcome as its group and leaf: "（三）不予公开 · 属于国家秘密"; a group that is its own leaf once only
// ("（二）部分公开", not "（二）部分公开 · 部分公开"). Pure.
import type { Outcome } from "@prisma/client";
import { OUTCOME_GROUPS, OUTCOME_LABELS } from "./labels";

export function outcomeTitle(outcome: Outcome): string {
  const group = OUTCOME_GROUPS[outcome];
  const label = OUTCOME_LABELS[outcome];
  return group.endsWith(label) ? group : `${group} · ${label}`;
}
