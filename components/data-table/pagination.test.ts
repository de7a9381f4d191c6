import { describe, it, expect } from "vitest";
import { countPages, pageWindow, parsePageParam } from "./pagination";

describe("parsePageParam", () => {
  it("reads a page number", () => {
    expect(parsePageParam("3")).toBe(3);
    expect(parsePageParam(["4", "9"])).toBe(4);
  });

  it("gives 1 for an absent, zero, negative, fractional or non-numeric page", () => {
    for (const value of [undefined, null, "", "0", "-2", "1.5", "abc", "2e3", "99999999999"]) {
      expect(parsePageParam(value)).toBe(1);
    }
  });
});

describe("countPages", () => {
  it("rounds up, and gives one page for an empty list", () => {
    expect(countPages(0, 20)).toBe(1);
    expect(countPages(20, 20)).toBe(1);
    expect(countPages(21, 20)).toBe(2);
  });
});

describe("pageWindow", () => {
  it("lists every page when there are few", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it("keeps the first and last page and the neighbours of the current one", () => {
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10]);
    expect(pageWindow(1, 10)).toEqual([1, 2, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 9, 10]);
  });

  it("shows a single hidden page instead of a gap", () => {
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
  });
});
