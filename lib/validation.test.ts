import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import { parseInput } from "./validation";
import { isoDateSchema } from "./calendar/schemas";

function refusal(schema: z.ZodType, input: unknown): AppError {
  try {
    parseInput(schema, input);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("accepted");
}

describe("the project's zod messages", () => {
  it("says in plain Chinese what is too long, how long it is, and names the field above the form", () => {
    const schema = z.object({ type: z.literal("EXTENSION"), details: z.object({ reason: z.string().trim().min(2).max(500) }) });
    const error = refusal(schema, { type: "EXTENSION", details: { reason: "延".repeat(5000) } });
    expect(error.fieldErrors).toEqual({ "details.reason": ["最多 500 个字（现有 5000 个）"] });
    expect(error.message).toBe("输入有误：延期理由：最多 500 个字（现有 5000 个）");
  });

  it("gives Chinese messages for missing, short, out-of-range and unknown values", () => {
    const schema = z.object({ name: z.string().min(1), workdays: z.number().int().min(1).max(20), kind: z.enum(["A", "B"]) });
    const error = refusal(schema, { name: "", workdays: 30, kind: "C" });
    expect(error.fieldErrors).toEqual({ name: ["必填"], workdays: ["不能大于 20"], kind: ["不是可选的值，请从列表中选择"] });
    expect(error.message).toBe("输入有误：名称：必填；另有 2 项需要修改，见各栏提示");
    expect(refusal(z.object({ workdays: z.number() }), {}).fieldErrors).toEqual({ workdays: ["必填"] });
  });

  it("keeps a schema's own message and does not name its field twice", () => {
    const error = refusal(z.object({ requestContent: z.string().max(3, "申请内容最多 3 个字") }), { requestContent: "一二三四" });
    expect(error.message).toBe("输入有误：申请内容最多 3 个字");
  });

  it("asks for an empty date instead of calling it invalid", () => {
    const schema = z.object({ correctionDeadlineOn: isoDateSchema });
    expect(refusal(schema, { correctionDeadlineOn: "" }).fieldErrors).toEqual({ correctionDeadlineOn: ["请填写日期"] });
    expect(refusal(schema, { correctionDeadlineOn: "2026-02-30" }).fieldErrors).toEqual({ correctionDeadlineOn: ["日期无效，应为 YYYY-MM-DD 格式的真实日期"] });
  });
});
