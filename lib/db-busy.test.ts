import { describe, expect, it, vi } from "vitest";
import { busyReasonOf, describeOutage, OUTAGE_MESSAGE, reportBusy, setPoolStatisticsSource } from "./db-busy";

/** Prisma wraps the driver's error: the text or code sits in the cause chain. */
function wrapped(inner: unknown): Error {
  return Object.assign(new Error("Invalid `prisma.organization.count()` invocation"), { cause: inner });
}

describe("busyReasonOf", () => {
  it("recognizes each bound, also wrapped", () => {
    expect(busyReasonOf(wrapped(new Error("timeout exceeded when trying to connect")))).toBe("connection_wait");
    expect(busyReasonOf(wrapped(Object.assign(new Error("canceling statement due to statement timeout"), { code: "57014" })))).toBe("statement_timeout");
    expect(busyReasonOf({ meta: { driverAdapterError: { cause: { originalCode: "55P03" } } } })).toBe("lock_timeout");
    expect(busyReasonOf(Object.assign(new Error("x"), { code: "25P03" }))).toBe("idle_in_transaction_timeout");
    expect(busyReasonOf(wrapped(Object.assign(new Error("deadlock detected"), { code: "40P01" })))).toBe("deadlock");
  });

  it("leaves other errors alone", () => {
    expect(busyReasonOf(new Error("duplicate key value violates unique constraint"))).toBeUndefined();
    expect(busyReasonOf(undefined)).toBeUndefined();
  });
});

describe("the answer and the log", () => {
  it("says 系统繁忙 to the user and logs the bound with the pool's state", () => {
    setPoolStatisticsSource(() => ({ size: 10, open: 10, inUse: 10, waiting: 3 }));
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(reportBusy("操作未完成", "connection_wait")).toBe("系统繁忙，请稍后重试");
    expect(logged.mock.calls[0]?.[0]).toBe("[db] 操作未完成：等待数据库连接超时（连接池已满）；连接池 10/10 使用中，3 个请求在等待");
    expect(describeOutage("页面加载", new Error("connect ECONNREFUSED 127.0.0.1:5432"))).toBe(OUTAGE_MESSAGE);
    logged.mockRestore();
  });
});
