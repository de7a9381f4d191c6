import { describe, expect, it } from "vitest";
import { auditActionLabel, auditActorLabel, auditFieldLabel, auditUserIds, describeAuditChanges, formatAuditValue, summarizeAuditChanges } from "./labels";

const names = { users: new Map([["u1", "王登记"], ["u2", "李负责"]]) };

describe("audit labels", () => {
  it("names known actions, recorded steps by their type, and unknown actions by their category", () => {
    expect(auditActionLabel("report.publish")).toBe("发布年度报告");
    expect(auditActionLabel("case_event.record.fee_notice")).toBe("记录办理步骤：收费通知");
    expect(auditActionLabel("application.merge")).toBe("案件：application.merge");
    expect(auditActionLabel("something")).toBe("something");
  });

  it("reads values in words: enums by field, users by name, booleans, instants, empties and whole lists", () => {
    expect(formatAuditValue("applicantType", "LEGAL_SERVICE_ORG", names)).toBe("法律服务机构");
    expect(formatAuditValue("kind", "HOLIDAY", names)).toBe("法定节假日（放假）");
    expect(formatAuditValue("kind", "RECONSIDERATION", names)).toBe("行政复议");
    expect(formatAuditValue("result", "OTHER", names)).toBe("其他结果");
    expect(formatAuditValue("outcome", "OTHER_OTHER", names)).toBe("其他");
    expect(formatAuditValue("handlerId", "u2", names)).toBe("李负责");
    expect(formatAuditValue("handlerId", "gone", names)).toBe("（已删除或其他机构的用户）");
    expect(formatAuditValue("emailDigest", false, names)).toBe("否");
    expect(formatAuditValue("lockedUntil", "2026-12-02T06:30:00.000Z", names)).toBe("2026-12-02 14:30");
    expect(formatAuditValue("closedOn", null, names)).toBe("（空）");
    expect(formatAuditValue("items", [{ description: "目录", disposition: "GRANTED" }, { description: "决定书", disposition: "WITHHELD_STATE_SECRET" }], names)).toBe(
      "1. 内容：目录，处理结果：予以公开；2. 内容：决定书，处理结果：属于国家秘密",
    );
    expect(formatAuditValue("report", { applications: { rows: { new_received: [1, 0, 0, 0, 0, 0, 1], closed_total: [0, 0, 0, 0, 0, 0, 0] } } }, names)).toBe(
      "新收 1，上年结转 0，办结 0，结转下年 0",
    );
  });

  it("labels nested fields by their own name and table 二 fields by the table's wording", () => {
    expect(auditFieldLabel("details.deadlineOn")).toBe("补正期限");
    expect(auditFieldLabel("sections.overview")).toBe("一、总体情况");
    expect(auditFieldLabel("activeDisclosure.regulations.normative.issued")).toMatch(/^表二 /);
    expect(auditFieldLabel("newField")).toBe("newField");
  });

  it("lists an update's fields on both sides, marks what changed, and leaves ids out", () => {
    const changes = describeAuditChanges(
      { eventId: "e1", type: "EXTENSION", occurredOn: "2026-04-01", details: { workdays: 10, reason: "需调档" } },
      { eventId: "e2", type: "EXTENSION", occurredOn: "2026-04-01", details: { workdays: 20, reason: "需调档" } },
      names,
    );
    expect(changes).toEqual([
      { path: "type", label: "步骤", before: "延期答复", after: "延期答复", changed: false },
      { path: "occurredOn", label: "日期", before: "2026-04-01", after: "2026-04-01", changed: false },
      { path: "details.workdays", label: "延长的工作日数", before: "10", after: "20", changed: true },
      { path: "details.reason", label: "理由", before: "需调档", after: "需调档", changed: false },
    ]);
    expect(summarizeAuditChanges(changes)).toBe("延长的工作日数：10 → 20");
  });

  it("shows a creation without a before and a removal without an after", () => {
    expect(describeAuditChanges(undefined, { role: "CLERK" }, names)).toEqual([{ path: "role", label: "角色", before: null, after: "登记员", changed: true }]);
    const removal = describeAuditChanges({ kind: "LITIGATION" }, undefined, names);
    expect(removal).toEqual([{ path: "kind", label: "类别", before: "行政诉讼", after: null, changed: true }]);
    expect(summarizeAuditChanges(removal)).toBe("类别：行政诉讼（删除）");
    // A field that appears only after the change reads as empty before it.
    expect(describeAuditChanges({ a: 1 }, { a: 1, note: "x" }, names).find((change) => change.path === "note")).toEqual({
      path: "note",
      label: "说明",
      before: "（空）",
      after: "x",
      changed: true,
    });
    // Shown in the order of the labels, unknown fields last.
    expect(describeAuditChanges(undefined, { zzz: 1, applicantName: "甲", caseNumber: "GK-1" }, names).map((change) => change.path)).toEqual(["caseNumber", "applicantName", "zzz"]);
  });

  it("finds the user ids an entry's values refer to, and says who acted", () => {
    expect(auditUserIds({ handlerId: "u1" }, { handlerId: "u2", nested: { updatedById: "u3" } }).sort()).toEqual(["u1", "u2", "u3"]);
    expect(auditActorLabel({ actorName: "张管理", operator: null })).toBe("张管理");
    expect(auditActorLabel({ actorName: null, operator: "gongkai" })).toBe("运维人员 gongkai（命令行）");
    expect(auditActorLabel({ actorName: null, operator: null })).toBe("系统");
  });
});
