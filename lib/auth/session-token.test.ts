import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import { decodeSessionToken } from "./session-token";

const SECRET = "session-token-test-secret-0123456789";

afterEach(() => {
  vi.useRealTimers();
});

describe("decodeSessionToken", () => {
  it("gives a valid token's payload, again from the kept copy", async () => {
    const token = await encode({ token: { sid: "session-1" }, secret: SECRET, maxAge: 60 });
    expect((await decodeSessionToken({ token, secret: SECRET }))?.sid).toBe("session-1");
    expect((await decodeSessionToken({ token, secret: SECRET }))?.sid).toBe("session-1");
  });

  it("refuses a kept token under another secret, and a tampered one", async () => {
    const token = await encode({ token: { sid: "session-2" }, secret: SECRET, maxAge: 60 });
    await decodeSessionToken({ token, secret: SECRET });
    await expect(decodeSessionToken({ token, secret: `${SECRET}-other` })).rejects.toThrow();
    const tampered = `${token.slice(0, -4)}${token.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    await expect(decodeSessionToken({ token: tampered, secret: SECRET })).rejects.toThrow();
  });

  it("refuses a kept token once it has expired", async () => {
    const token = await encode({ token: { sid: "session-3" }, secret: SECRET, maxAge: 60 });
    expect((await decodeSessionToken({ token, secret: SECRET }))?.sid).toBe("session-3");
    vi.useFakeTimers({ now: Date.now() + 120_000 });
    await expect(decodeSessionToken({ token, secret: SECRET })).rejects.toThrow();
  });
});
