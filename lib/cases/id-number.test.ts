import { describe, expect, it } from "vitest";
import { idNumberCheckCharacter, idNumberWarning } from "./id-number";

// 11010519491231002X is the example of GB 11643-1999; 110101199003077774 was checked by hand:
// 1·7+1·9+0·10+1·5+0·8+1·4+1·2+9·1+9·6+0·3+0·7+3·9+0·10+7·5+7·8+7·4+7·2 = 250, 250 mod 11 = 8 → "4".
describe("idNumberWarning", () => {
  it("computes the MOD 11-2 check character", () => {
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
    expect(idNumberCheckCharacter("11010119900307777")).toBe("4");
  });

  it("accepts a right check digit, alone or inside free text, x in either case", () => {
    expect(idNumberWarning("11010519491231002X")).toBeNull();
    expect(idNumberWarning("11010519491231002x")).toBeNull();
    expect(idNumberWarning("身份证 110101199003077774")).toBeNull();
  });

  it("warns about a wrong check digit and names the right one", () => {
    expect(idNumberWarning("110101199003077775")).toBe("身份证号码的校验位应为 4，现为 5：请核对是否录错（仍可登记）");
    expect(idNumberWarning("身份证：110101199003077775")).toContain("应为 4");
  });

  it("leaves other documents alone: a credit code, a passport, a number without a birth date", () => {
    expect(idNumberWarning("91110000100000000A")).toBeNull();
    expect(idNumberWarning("护照 E12345678")).toBeNull();
    expect(idNumberWarning("911100001000000001")).toBeNull(); // positions 7–14 are not a date
    expect(idNumberWarning("")).toBeNull();
  });
});
