// 行政复议 and 行政诉讼 results by name (rules.md §3): the form offers the decisions and judgments as the
// documents name them and the column of table 四 is derived from the name. A lawsuit is one proceeding
// across its instances (一审, 二审, 再审); its result is the last effective judgment. Pure.
import type { ProceedingDisposition, ProceedingInstanceLevel, ProceedingResult } from "@prisma/client";
import type { IsoDate } from "../calendar/workdays";

export const DISPOSITION_LABELS: Record<ProceedingDisposition, string> = {
  UPHOLD: "维持",
  DISMISS_RECONSIDERATION_CLAIMS: "驳回复议请求",
  DISMISS_LITIGATION_CLAIMS: "驳回诉讼请求",
  REVOKE: "撤销",
  VARY: "变更",
  CONFIRM_ILLEGAL: "确认违法",
  ORDER_PERFORMANCE: "责令履行",
  ORDER_NEW_REPLY: "重新答复",
  TERMINATE: "终止",
  WITHDRAW: "撤回",
  REJECT_RECONSIDERATION_APPLICATION: "驳回复议申请",
  REJECT_SUIT: "驳回起诉",
  MEDIATION: "调解",
  SETTLEMENT: "和解",
  AFFIRM_ON_APPEAL: "维持原裁判（驳回上诉）",
  REMAND: "发回重审",
};

export const INSTANCE_LEVEL_LABELS: Record<ProceedingInstanceLevel, string> = { FIRST: "一审", SECOND: "二审", RETRIAL: "再审" };

/**
 * The column of table 四 of a disposition. Null for the two that refer to another judgment: an appeal
 * dismissed (the judgment below stands) and a case sent back for a new trial (nothing is decided yet).
 */
export const DISPOSITION_RESULTS: Record<ProceedingDisposition, ProceedingResult | null> = {
  UPHOLD: "UPHELD",
  DISMISS_RECONSIDERATION_CLAIMS: "UPHELD",
  DISMISS_LITIGATION_CLAIMS: "UPHELD",
  REVOKE: "CORRECTED",
  VARY: "CORRECTED",
  CONFIRM_ILLEGAL: "CORRECTED",
  ORDER_PERFORMANCE: "CORRECTED",
  ORDER_NEW_REPLY: "CORRECTED",
  TERMINATE: "OTHER",
  WITHDRAW: "OTHER",
  REJECT_RECONSIDERATION_APPLICATION: "OTHER",
  REJECT_SUIT: "OTHER",
  MEDIATION: "OTHER",
  SETTLEMENT: "OTHER",
  AFFIRM_ON_APPEAL: null,
  REMAND: null,
};

const CORRECTING: ProceedingDisposition[] = ["REVOKE", "VARY", "CONFIRM_ILLEGAL", "ORDER_PERFORMANCE", "ORDER_NEW_REPLY"];

/** The dispositions a reconsideration decision may have (行政复议法 2023 Art. 63–69, 74). */
export const RECONSIDERATION_DISPOSITIONS: ProceedingDisposition[] = [
  "UPHOLD",
  "DISMISS_RECONSIDERATION_CLAIMS",
  ...CORRECTING,
  "TERMINATE",
  "WITHDRAW",
  "REJECT_RECONSIDERATION_APPLICATION",
  "MEDIATION",
  "SETTLEMENT",
];

const TRIAL_DISPOSITIONS: ProceedingDisposition[] = [
  "DISMISS_LITIGATION_CLAIMS",
  "UPHOLD",
  ...CORRECTING,
  "REJECT_SUIT",
  "TERMINATE",
  "WITHDRAW",
  "MEDIATION",
  "SETTLEMENT",
];

/** The judgments and rulings an instance may end with: an appeal or a retrial may also leave the one below standing, or send it back. */
export const INSTANCE_DISPOSITIONS: Record<ProceedingInstanceLevel, ProceedingDisposition[]> = {
  FIRST: TRIAL_DISPOSITIONS,
  SECOND: ["AFFIRM_ON_APPEAL", "REMAND", ...TRIAL_DISPOSITIONS.filter((disposition) => disposition !== "WITHDRAW")],
  RETRIAL: ["AFFIRM_ON_APPEAL", "REMAND", ...TRIAL_DISPOSITIONS.filter((disposition) => disposition !== "WITHDRAW")],
};

export interface ProceedingInstanceFacts {
  level: ProceedingInstanceLevel;
  filedOn: IsoDate;
  disposition: ProceedingDisposition | null;
  decidedOn: IsoDate | null;
}

export interface DerivedResult {
  result: ProceedingResult | null;
  decidedOn: IsoDate | null;
}

export type DerivedResultOrProblem = ({ ok: true } & DerivedResult) | { ok: false; message: string; instanceIndex: number | null };

/** A reconsideration's result: the column of its decision, on the decision's date. */
export function deriveReconsiderationResult(disposition: ProceedingDisposition | null, decidedOn: IsoDate | null, filedOn: IsoDate): DerivedResultOrProblem {
  if (!disposition && !decidedOn) return { ok: true, result: null, decidedOn: null };
  if (!disposition) return { ok: false, message: "有决定日期时请选择复议决定", instanceIndex: null };
  if (!decidedOn) return { ok: false, message: "请填写复议决定日期", instanceIndex: null };
  if (!RECONSIDERATION_DISPOSITIONS.includes(disposition)) return { ok: false, message: `“${DISPOSITION_LABELS[disposition]}”不是行政复议的决定`, instanceIndex: null };
  if (decidedOn < filedOn) return { ok: false, message: "复议决定日期不能早于复议申请日期", instanceIndex: null };
  return { ok: true, result: DISPOSITION_RESULTS[disposition], decidedOn };
}

/**
 * A lawsuit's result from its instances, in the order they happened (rules.md §3): the last effective
 * judgment. An appealed first-instance judgment is not effective: while the appeal is undecided the
 * lawsuit is 尚未审结 (so also at 31 Dec, whenever the appeal was filed). An appeal dismissed leaves the
 * judgment below standing, with the appeal's date; a case sent back waits for its new first instance. A
 * retrial does not suspend the judgment it reviews: until it is decided the earlier result stands.
 * The date is the date of the judgment that made the result (the report counts it as decided from then).
 */
export function deriveLitigationResult(instances: readonly ProceedingInstanceFacts[], filedOn: IsoDate): DerivedResultOrProblem {
  let effective: DerivedResult = { result: null, decidedOn: null };
  /** The result of the last judgment on the merits or procedure (what an appeal dismissed leaves standing). */
  let lastJudgment: ProceedingResult | null = null;
  let previous: ProceedingInstanceFacts | null = null;
  for (const [index, instance] of instances.entries()) {
    const level = INSTANCE_LEVEL_LABELS[instance.level];
    const problem = (message: string): DerivedResultOrProblem => ({ ok: false, message: `第 ${index + 1} 项（${level}）：${message}`, instanceIndex: index });
    if (instance.filedOn < filedOn) return problem("日期不能早于起诉日期");
    if (Boolean(instance.disposition) !== Boolean(instance.decidedOn)) return problem(instance.disposition ? "请填写裁判日期" : "有裁判日期时请选择裁判结果");
    if (instance.decidedOn && instance.decidedOn < instance.filedOn) return problem("裁判日期不能早于立案（上诉、申请再审）日期");
    if (instance.disposition && !INSTANCE_DISPOSITIONS[instance.level].includes(instance.disposition)) {
      return problem(`“${DISPOSITION_LABELS[instance.disposition]}”不是${level}的裁判结果`);
    }
    if (previous) {
      if (!previous.decidedOn) return problem(`上一审级（${INSTANCE_LEVEL_LABELS[previous.level]}）尚未裁判，不能登记后续审级`);
      if (instance.filedOn < previous.decidedOn) return problem("日期不能早于上一审级的裁判日期");
    }
    switch (instance.level) {
      case "FIRST":
        if (previous && previous.disposition !== "REMAND") return problem("一审只能是第一项，或发回重审后的重审");
        effective = { result: null, decidedOn: null };
        break;
      case "SECOND":
        if (previous?.level !== "FIRST") return problem("二审应在一审判决（裁定）之后登记");
        // Appealed: the judgment below is not effective until the appeal is decided.
        effective = { result: null, decidedOn: null };
        break;
      case "RETRIAL":
        if (!previous) return problem("再审针对已生效的裁判，应在一审或二审之后登记");
        break;
    }
    if (instance.disposition && instance.decidedOn) {
      const decidedOn = instance.decidedOn;
      if (instance.disposition === "AFFIRM_ON_APPEAL") {
        if (lastJudgment === null) return problem("维持原裁判，但此前没有可维持的裁判结果");
        if (instance.level === "SECOND" || effective.result === null) effective = { result: lastJudgment, decidedOn };
      } else if (instance.disposition === "REMAND") {
        effective = { result: null, decidedOn: null };
      } else {
        const result = DISPOSITION_RESULTS[instance.disposition];
        lastJudgment = result;
        effective = { result, decidedOn };
      }
    }
    previous = instance;
  }
  return { ok: true, ...effective };
}

/** The result as of a date (31 Dec of a report year): decided on or before it, otherwise 尚未审结. */
export function resultAsOf(derived: DerivedResult, date: IsoDate): ProceedingResult | "PENDING" {
  return derived.result && derived.decidedOn && derived.decidedOn <= date ? derived.result : "PENDING";
}
