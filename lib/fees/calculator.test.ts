import { describe, expect, it } from "vitest";
import { perApplicationFee, perVolumeFee } from "./calculator";

describe("按件 fee (per applicant per month, cumulative)", () => {
  it.each([
    [1, 0],
    [10, 0],
    [11, 100],
    [30, 100],
    [31, 200],
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
  ])("application no. %i costs %i 元", (ordinal, fee) => {
    expect(perApplicationFee(ordinal)).toBe(fee);
  });

  it("the first 35 applications of a month cost 20×100 + 5×200 in total", () => {
    let total = 0;
    for (let ordinal = 1; ordinal <= 35; ordinal += 1) total += perApplicationFee(ordinal);
    expect(total).toBe(3000);
  });

  it("rejects a non-positive ordinal", () => {
    expect(() => perApplicationFee(0)).toThrow(RangeError);
  });
});

describe("按量 fee (per application, by pages, each tier on its own pages)", () => {
  it.each([
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [101, 720],
    [200, 2700],
    [201, 2740],
    [250, 4700],
  ])("%i pages cost %i 元", (pages, fee) => {
    expect(perVolumeFee(pages)).toBe(fee);
  });
});
