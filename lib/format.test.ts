import { describe, it, expect } from "vitest";
import { formatDate, formatDateTime, formatTime } from "./format";

describe("formatDateTime", () => {
  it("shows an instant as the time in Beijing (UTC+8), zero-padded, 24-hour", () => {
    expect(formatDateTime(new Date("2026-11-21T01:30:00Z"))).toBe("2026-11-21 09:30");
    expect(formatDateTime(new Date("2026-03-05T14:07:00Z"))).toBe("2026-03-05 22:07");
  });

  it("moves to the next day in Beijing after 16:00 UTC, and shows midnight as 00", () => {
    expect(formatDateTime(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01 00:00");
  });
});

describe("formatDate", () => {
  it("keeps the day of a DATE column read as midnight UTC", () => {
    expect(formatDate(new Date("2026-10-08T00:00:00Z"))).toBe("2026-10-08");
  });

  it("gives the Beijing day of an instant", () => {
    expect(formatDate(new Date("2026-10-08T17:00:00Z"))).toBe("2026-10-09");
  });
});

describe("formatTime", () => {
  it("gives hours and minutes in Beijing", () => {
    expect(formatTime(new Date("2026-11-21T07:05:00Z"))).toBe("15:05");
  });
});
