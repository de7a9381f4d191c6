import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { batchRefusalError, refusalOf } from "./refusals";

describe("the refusal of a batch", () => {
  const awaiting = refusalOf("GK-2026-000010", new AppError("INVALID_STATE", "案件正在等待补正"));
  const voided = refusalOf("GK-2026-000002", new AppError("INVALID_STATE", "该案件已作废"));

  it("names every refused case on its own line, in case-number order, and says nothing was changed", () => {
    const error = batchRefusalError("批量答复办结", 12, [awaiting, voided]);
    expect(error.code).toBe("INVALID_STATE");
    const lines = error.message.split("\n");
    expect(lines[0]).toBe("批量答复办结未执行，12 件案件均未更改。以下 2 件不能办理：");
    expect(lines.slice(1, 3)).toEqual(["GK-2026-000002：该案件已作废", "GK-2026-000010：案件正在等待补正"]);
  });

  it("is stale when a case changed since the list was loaded, so that the list offers to refresh", () => {
    const stale = refusalOf("GK-2026-000003", new AppError("STALE", "该案件已被他人修改：王某 12:03 登记了补正告知"));
    expect(stale.message).toBe("列表载入后已被他人修改");
    expect(batchRefusalError("批量分配", 3, [voided, stale]).code).toBe("STALE");
    expect(batchRefusalError("批量分配", 3, [voided]).code).toBe("INVALID_STATE");
  });
});
