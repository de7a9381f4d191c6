// The audit trail in Chinese: what each action, entity and recorded field is called, how a recorded
// value reads, and the before/after of an entry as rows of 项目 · 修改前 · 修改后. Pure (the case page,
// the administrators' audit page and its CSV/XLSX export share it). An action or field added later
// without a label still reads sensibly (its category, or its key).
import type { Prisma } from "@prisma/client";
import { ROLE_LABELS } from "../auth/roles";
import {
  APPLICANT_TYPE_LABELS,
  CASE_EVENT_LABELS,
  CHANNEL_LABELS,
  CLOCK_PHASE_LABELS,
  FEE_METHOD_LABELS,
  LITIGATION_ROUTE_LABELS,
  OUTCOME_LABELS,
  PROCEEDING_KIND_LABELS,
  PROCEEDING_RESULT_LABELS,
} from "../cases/labels";
import { APPLICATION_STATUS_LABELS } from "../cases/list-schemas";
import { formatDateTime } from "../format";
import { APPEALS_BASIS_LABELS } from "../organizations/schemas";
import { disclosureFields } from "../reports/active-disclosure";
import { REPORT_FORMAT_LABELS } from "../reports/definitions";

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "application.register": "登记申请",
  "application.update": "修改登记信息",
  "application.void": "作废案件",
  "application.restore": "恢复已作废的案件",
  "application.assign": "分配经办人",
  "application.import": "随台账导入",
  "application.recompute": "重新计算期限",
  "application.batch_assign": "批量分配经办人",
  "application.batch_close": "批量答复办结",
  "case_event.correct": "更正办理步骤",
  "case_event.withdraw": "撤销办理步骤",
  "proceeding.add": "登记复议或诉讼",
  "proceeding.update": "修改复议或诉讼",
  "proceeding.delete": "删除复议或诉讼",
  "ledger.import": "导入台账",
  "extension_request.create": "申请延期",
  "extension_request.approve": "批准延期申请",
  "extension_request.reject": "驳回延期申请",
  "extension_request.withdraw": "撤回延期申请",
  "report.save_draft": "保存报告草稿",
  "report.publish": "发布年度报告",
  "calendar.set_day": "设置节假日或调休",
  "calendar.clear_day": "恢复为常规工作日或休息日",
  "calendar.confirm_year": "确认年度节假日安排",
  "calendar.unconfirm_year": "取消确认年度节假日安排",
  "user.create": "新建用户",
  "user.change_role": "更改角色",
  "user.enable": "启用账户",
  "user.disable": "停用账户",
  "user.reset_password": "重置密码",
  "user.email_settings": "修改提醒邮件设置",
  "organization.create": "新建机构",
  "organization.update_settings": "修改机构设置",
  "auth.signed_in": "登录",
  "auth.failed": "登录失败",
  "auth.locked": "多次登录失败，账户临时锁定",
};

/** The first segment of an action: what the audit page's action filter groups by. */
export const AUDIT_ACTION_CATEGORY_LABELS: Record<string, string> = {
  application: "案件",
  case_event: "办理步骤",
  proceeding: "复议诉讼",
  ledger: "台账导入",
  extension_request: "延期申请",
  report: "年度报告",
  calendar: "工作日历",
  user: "用户",
  organization: "机构",
  auth: "登录",
};

const CASE_EVENT_RECORD_PREFIX = "case_event.record.";

export function auditActionCategory(action: string): string {
  return action.split(".")[0] ?? action;
}

export function auditActionLabel(action: string): string {
  const known = AUDIT_ACTION_LABELS[action];
  if (known) return known;
  if (action.startsWith(CASE_EVENT_RECORD_PREFIX)) {
    const type = action.slice(CASE_EVENT_RECORD_PREFIX.length).toUpperCase();
    const label = (CASE_EVENT_LABELS as Record<string, string>)[type];
    return `记录办理步骤：${label ?? type}`;
  }
  const category = AUDIT_ACTION_CATEGORY_LABELS[auditActionCategory(action)];
  return category ? `${category}：${action}` : action;
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  Application: "案件",
  ExtensionRequest: "延期申请",
  Proceeding: "复议或诉讼",
  ReportDraft: "报告草稿",
  ReportSnapshot: "已发布的报告",
  CalendarDay: "工作日历日期",
  CalendarYear: "工作日历年度",
  User: "用户",
  Organization: "机构",
  Batch: "批量操作",
};

// ---------------------------------------------------------------------------------------------
// Fields

const TABLE_TWO_LABELS: Record<string, string> = Object.fromEntries(
  [...disclosureFields("2019"), ...disclosureFields("2021")].map((field) => [field.key, field.label]),
);

export const AUDIT_FIELD_LABELS: Record<string, string> = {
  caseNumber: "申请编号",
  caseYear: "编号年份",
  applicantType: "申请人类型",
  applicantName: "申请人姓名或名称",
  applicantIdNumber: "证件号码",
  applicantContact: "联系方式",
  applicantAddress: "通信地址",
  agentName: "代理人",
  agentContact: "代理人联系方式",
  channel: "申请方式",
  receivedOn: "收到申请日期",
  requestContent: "申请内容",
  deliveryForm: "获取信息的方式",
  deliveryMethod: "获取信息的途径",
  handlerId: "经办人",
  voidedAt: "作废时间",
  type: "步骤",
  occurredOn: "日期",
  details: "详情",
  events: "办理步骤",
  deadlineOn: "补正期限",
  matters: "需补正的事项",
  party: "征求意见对象类型",
  partyName: "征求意见对象",
  windowExpired: "征求意见期满",
  summary: "答复摘要",
  workdays: "延长的工作日数",
  approvedBy: "批准人",
  approvedOn: "批准日期",
  method: "计收方式",
  amount: "金额（元）",
  calculatedAmount: "计算金额（元）",
  adjustmentReason: "调整理由",
  applicantReceivedOn: "申请人收到通知日期",
  items: "处理结果",
  description: "内容",
  disposition: "处理结果",
  leading: "主要结果",
  serviceMethod: "送达方式",
  reason: "理由",
  status: "状态",
  clockPhase: "计时状态",
  dueOn: "答复截止日期",
  dueIsProvisional: "截止日期为暂定",
  correctionNoticeDueOn: "补正告知期限",
  correctionRequestedOn: "补正告知日期",
  correctionDeadlineOn: "补正期限",
  correctionReceivedOn: "收到补正日期",
  consultationSentOn: "征求意见日期",
  consultationAnsweredOn: "收到意见答复日期",
  consultationReplyDueOn: "征求意见答复期限",
  extensionNotifiedOn: "延期告知日期",
  extensionWorkdays: "延期工作日数",
  feeMethod: "计收方式",
  feeNoticeOn: "收费通知日期",
  feeAmount: "收费金额（元）",
  feePaymentDueOn: "缴费期限",
  feePaidOn: "缴费日期",
  feePaidAmount: "缴纳金额（元）",
  closedOn: "办结日期",
  outcome: "办理结果",
  proceedings: "复议、诉讼",
  reconsideration: "行政复议",
  litigation: "行政诉讼",
  kind: "类别",
  route: "诉讼类型",
  reconsiderationId: "所关联的复议",
  onlyCoDefendantAsReviewOrgan: "仅作为复议机关共同被告",
  filedOn: "申请复议或起诉日期",
  result: "结果",
  decidedOn: "结果日期",
  resultDetail: "结果说明",
  notes: "备注",
  instances: "审级",
  username: "用户名",
  displayName: "姓名",
  role: "角色",
  active: "账户启用",
  email: "电子邮箱",
  emailDigest: "每日提醒邮件",
  failedLoginCount: "连续登录失败次数",
  lockedUntil: "锁定至",
  passwordReset: "密码已重置",
  name: "名称",
  code: "机构代码",
  parentCode: "上级机构代码",
  appealsBasis: "复议诉讼统计口径",
  feeStopsClock: "收费期间停止计时",
  caseNumberPrefix: "案件编号前缀",
  caseNumberPattern: "案件编号规则",
  date: "日期",
  note: "说明",
  confirmed: "已确认",
  source: "依据文件",
  year: "年度",
  version: "版本",
  format: "报告格式",
  organizationName: "机构名称",
  draftVersion: "草稿版本",
  report: "报告数字",
  sections: "报告文字",
  overview: "一、总体情况",
  problems: "五、存在的主要问题及改进情况",
  other: "六、其他需要报告的事项",
  activeDisclosure: "表二",
  fileName: "文件名",
  rowCount: "案件数",
  warningCount: "提示数",
  cause: "原因",
  causeAuditId: "原因操作记录",
  caseCount: "案件数",
  caseNumbers: "案件编号",
  action: "操作",
};

/** Recorded for reference (ids), not shown. */
const HIDDEN_FIELDS = new Set(["eventId", "applicationId", "applicationIds", "causeAuditId", "supersededById", "id"]);

/** Objects shown as one value rather than field by field. */
const WHOLE_VALUE_FIELDS = new Set(["items", "events", "instances", "report", "proceedings"]);

const CALENDAR_KIND_LABELS: Record<string, string> = { HOLIDAY: "法定节假日（放假）", WORKDAY: "调休上班", DEFAULT: "常规安排（周一至周五上班）" };

const VALUE_LABELS: Record<string, Record<string, string>> = {
  applicantType: APPLICANT_TYPE_LABELS,
  channel: CHANNEL_LABELS,
  status: APPLICATION_STATUS_LABELS,
  clockPhase: CLOCK_PHASE_LABELS,
  outcome: OUTCOME_LABELS,
  disposition: OUTCOME_LABELS,
  type: CASE_EVENT_LABELS,
  method: FEE_METHOD_LABELS,
  feeMethod: FEE_METHOD_LABELS,
  kind: { ...PROCEEDING_KIND_LABELS, ...CALENDAR_KIND_LABELS },
  route: LITIGATION_ROUTE_LABELS,
  result: PROCEEDING_RESULT_LABELS,
  role: ROLE_LABELS,
  appealsBasis: APPEALS_BASIS_LABELS,
  party: { THIRD_PARTY: "第三方", AGENCY: "其他机关" },
  format: REPORT_FORMAT_LABELS,
};

/** Fields holding a user's id: shown by the user's name. */
const USER_FIELDS = new Set(["handlerId", "updatedById", "publishedById", "registeredById"]);

export function auditFieldLabel(path: string): string {
  const segments = path.split(".");
  const last = segments.at(-1) ?? path;
  if (segments[0] === "activeDisclosure") return `表二 ${TABLE_TWO_LABELS[segments.slice(1).join(".")] ?? segments.slice(1).join(".")}`;
  return AUDIT_FIELD_LABELS[last] ?? last;
}

/** Names for the ids an entry refers to (users), resolved by the query layer. */
export interface AuditNames {
  users: ReadonlyMap<string, string>;
}

export const EMPTY_VALUE = "（空）";

/** An instant recorded as ISO 8601 with its time (dates stay YYYY-MM-DD). */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type JsonValue = Prisma.JsonValue;

function isPlainObject(value: unknown): value is Record<string, JsonValue | undefined> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** A report as data, in one line: the totals of table 三's main rows and of table 四. */
function reportSummary(value: JsonValue): string {
  if (!isPlainObject(value) || !isPlainObject(value.applications) || !isPlainObject(value.applications.rows)) return "（报告数字）";
  const rows = value.applications.rows;
  const total = (key: string) => {
    const counts = rows[key];
    return Array.isArray(counts) ? String(counts.at(-1) ?? 0) : "0";
  };
  return `新收 ${total("new_received")}，上年结转 ${total("carried_in")}，办结 ${total("closed_total")}，结转下年 ${total("carried_out")}`;
}

/** One recorded value in words. `field` is the last segment of its path. */
export function formatAuditValue(field: string, value: JsonValue | undefined, names: AuditNames): string {
  if (value === undefined || value === null || value === "") return EMPTY_VALUE;
  if (field === "report") return reportSummary(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") {
    if (USER_FIELDS.has(field)) return names.users.get(value) ?? "（已删除或其他机构的用户）";
    if (field === "action") return auditActionLabel(value);
    if (INSTANT.test(value)) return formatDateTime(new Date(value));
    return VALUE_LABELS[field]?.[value] ?? value;
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return EMPTY_VALUE;
    return value.map((item, index) => (isPlainObject(item) ? `${index + 1}. ${describeObject(item, names)}` : formatAuditValue(field, item, names))).join("；");
  }
  return describeObject(value, names);
}

function describeObject(value: Record<string, JsonValue | undefined>, names: AuditNames): string {
  return Object.entries(value)
    .filter(([key, item]) => !HIDDEN_FIELDS.has(key) && item !== null && item !== undefined && item !== "")
    .map(([key, item]) => `${AUDIT_FIELD_LABELS[key] ?? key}：${formatAuditValue(key, item, names)}`)
    .join("，");
}

/** path → value, nested objects opened up (except those shown whole), hidden fields left out. */
function flatten(value: JsonValue | undefined, prefix = "", into = new Map<string, JsonValue>()): Map<string, JsonValue> {
  if (!isPlainObject(value)) {
    if (prefix && value !== undefined) into.set(prefix, value);
    return into;
  }
  for (const [key, item] of Object.entries(value)) {
    if (HIDDEN_FIELDS.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(item) && !WHOLE_VALUE_FIELDS.has(key)) flatten(item, path, into);
    else if (item !== undefined) into.set(path, item);
  }
  return into;
}

const FIELD_ORDER = new Map(Object.keys(AUDIT_FIELD_LABELS).map((key, index) => [key, index]));

/** Where a path sorts: by its first segment, then by its last (unknown fields after the known ones). */
function fieldRank(path: string): number {
  const segments = path.split(".");
  const rank = (key: string | undefined) => FIELD_ORDER.get(key ?? "") ?? FIELD_ORDER.size;
  return rank(segments[0]) * (FIELD_ORDER.size + 1) + (segments.length > 1 ? rank(segments.at(-1)) : 0);
}

export interface AuditChange {
  path: string;
  label: string;
  /** null: the field is not part of that side (a creation has no before, a removal no after). */
  before: string | null;
  after: string | null;
  changed: boolean;
}

/** An entry's before and after as rows, in the order of the labels. */
export function describeAuditChanges(before: JsonValue | undefined, after: JsonValue | undefined, names: AuditNames): AuditChange[] {
  const beforeFields = flatten(before ?? undefined);
  const afterFields = flatten(after ?? undefined);
  // jsonb keeps keys in its own order: show them in the order of the labels (registration fields first…).
  const paths = [...new Set([...beforeFields.keys(), ...afterFields.keys()])].sort((left, right) => fieldRank(left) - fieldRank(right));
  const hasBefore = isPlainObject(before);
  const hasAfter = isPlainObject(after);
  return paths.map((path) => {
    const field = path.split(".").at(-1) ?? path;
    const beforeText = hasBefore ? formatAuditValue(field, beforeFields.get(path), names) : null;
    const afterText = hasAfter ? formatAuditValue(field, afterFields.get(path), names) : null;
    return { path, label: auditFieldLabel(path), before: beforeText, after: afterText, changed: hasBefore && hasAfter ? beforeText !== afterText : true };
  });
}

/** The user ids an entry's values refer to (for the query layer to name). */
export function auditUserIds(...values: (JsonValue | undefined)[]): string[] {
  const ids = new Set<string>();
  const visit = (value: JsonValue | undefined, key: string | null) => {
    if (typeof value === "string" && key && USER_FIELDS.has(key)) ids.add(value);
    else if (Array.isArray(value)) value.forEach((item) => visit(item, key));
    else if (isPlainObject(value)) for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  values.forEach((value) => visit(value, null));
  return [...ids];
}

/** Who made a change: the user, the operator at the command line, or the system itself. */
export function auditActorLabel(entry: { actorName: string | null; operator: string | null }): string {
  if (entry.actorName) return entry.actorName;
  if (entry.operator) return `运维人员 ${entry.operator}（命令行）`;
  return "系统";
}

/** A changes list in one line, for CSV/XLSX: "申请人类型：自然人 → 商业企业；…". */
export function summarizeAuditChanges(changes: readonly AuditChange[]): string {
  return changes
    .filter((change) => change.changed)
    .map((change) => {
      if (change.before === null) return `${change.label}：${change.after ?? EMPTY_VALUE}`;
      if (change.after === null) return `${change.label}：${change.before}（删除）`;
      return `${change.label}：${change.before} → ${change.after}`;
    })
    .join("；");
}
