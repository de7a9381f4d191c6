import { describe, expect, it } from "vitest";
import { todayInShanghai } from "./today";

describe("todayInShanghai", () => {
  it("is still the previous day in Beijing one second before 16:00 UTC", () => {
    expect(todayInShanghai(new Date("2026-02-12T15:59:59Z"))).toBe("2026-02-12");
  });

  it("turns to the next day at 16:00 UTC, Beijing midnight", () => {
    expect(todayInShanghai(new Date("2026-02-12T16:00:00Z"))).toBe("2026-02-13");
  });

  it("is already the next day in Beijing while it is the previous evening in UTC", () => {
    expect(todayInShanghai(new Date("2026-02-12T23:30:00Z"))).toBe("2026-02-13");
  });

  it("keeps the same day at UTC midnight (08:00 in Beijing)", () => {
    expect(todayInShanghai(new Date("2026-02-13T00:00:00Z"))).toBe("2026-02-13");
  });

  it("crosses the year boundary at Beijing midnight, not UTC midnight", () => {
    expect(todayInShanghai(new Date("2025-12-31T15:59:59.999Z"))).toBe("2025-12-31");
    expect(todayInShanghai(new Date("2025-12-31T16:00:00Z"))).toBe("2026-01-01");
  });

  it("gives a zero-padded YYYY-MM-DD date for the current instant by default", () => {
    expect(todayInShanghai()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
