// The reported outcome of a closed case (rules.md §1): one leaf of table 三, derived from the
// dispositions of the requested items. Pure.
import type { Outcome } from "@prisma/client";
import type { DecisionItem } from "./case-events";

export type OutcomeDerivation = { ok: true; outcome: Outcome } | { ok: false; message: string };

const DISCLOSED: ReadonlySet<Outcome> = new Set<Outcome>(["GRANTED", "PARTIALLY_GRANTED"]);

export function deriveReportedOutcome(items: readonly DecisionItem[]): OutcomeDerivation {
  if (items.length === 0) return { ok: false, message: "请至少填写一项申请内容的处理结果" };
  const dispositions = new Set(items.map((item) => item.disposition));
  // Redaction of a single item (区分处理) is 部分公开 on its own.
  if (dispositions.has("PARTIALLY_GRANTED")) return { ok: true, outcome: "PARTIALLY_GRANTED" };
  const anyDisclosed = items.some((item) => DISCLOSED.has(item.disposition));
  const anyNotDisclosed = items.some((item) => !DISCLOSED.has(item.disposition));
  if (anyDisclosed && anyNotDisclosed) return { ok: true, outcome: "PARTIALLY_GRANTED" };
  if (dispositions.size === 1) return { ok: true, outcome: items[0]!.disposition };
  const leading = items.filter((item) => item.leading);
  if (leading.length === 1) return { ok: true, outcome: leading[0]!.disposition };
  return { ok: false, message: "各项处理结果不同且均未公开，请指定一项作为主要处理结果（年度报告按此统计）" };
}
