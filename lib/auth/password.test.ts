import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("verifies the right password and rejects others", async () => {
    const stored = await hashPassword("Gongkai-2026-secret");
    expect(stored.startsWith("scrypt$32768$8$1$")).toBe(true);
    expect(await verifyPassword("Gongkai-2026-secret", stored)).toBe(true);
    expect(await verifyPassword("Gongkai-2026-Secret", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash", async () => {
    const first = await hashPassword("same-password-1");
    const second = await hashPassword("same-password-1");
    expect(first).not.toBe(second);
    expect(await verifyPassword("same-password-1", second)).toBe(true);
  });

  it("rejects malformed stored values instead of throwing", async () => {
    expect(await verifyPassword("x", "plain-text")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$1$2$3$4$5")).toBe(false);
  });
});
