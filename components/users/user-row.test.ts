import { describe, it, expect } from "vitest";
import { userStatus } from "./user-row";

// 2026-11-21 09:30 in Beijing.
const NOW = new Date("2026-11-21T01:30:00Z");

describe("userStatus", () => {
  it("reads 启用 for an active account without a lock, or whose lock has ended", () => {
    expect(userStatus({ active: true, lockedUntil: null }, NOW)).toEqual({ kind: "active", label: "启用" });
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-21T01:29:00Z") }, NOW)).toEqual({ kind: "active", label: "启用" });
    expect(userStatus({ active: true, lockedUntil: NOW }, NOW)).toEqual({ kind: "active", label: "启用" });
  });

  it("reads 临时锁定至 HH:mm (Beijing time) while the lock lasts", () => {
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-21T01:45:00Z") }, NOW)).toEqual({
      kind: "locked",
      label: "临时锁定至 09:45",
    });
  });

  it("adds the date when the lock ends on another day", () => {
    expect(userStatus({ active: true, lockedUntil: new Date("2026-11-21T16:10:00Z") }, NOW)).toEqual({
      kind: "locked",
      label: "临时锁定至 2026-11-22 00:10",
    });
  });

  it("reads 已停用 for a disabled account, locked or not", () => {
    expect(userStatus({ active: false, lockedUntil: null }, NOW)).toEqual({ kind: "disabled", label: "已停用" });
    expect(userStatus({ active: false, lockedUntil: new Date("2026-11-21T01:45:00Z") }, NOW)).toEqual({ kind: "disabled", label: "已停用" });
  });
});
