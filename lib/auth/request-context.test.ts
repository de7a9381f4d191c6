import { describe, expect, it } from "vitest";
import { clientAddress } from "./request-context";

describe("clientAddress", () => {
  it("takes the peer address Next.js sets when the app is reached directly", () => {
    expect(clientAddress("203.0.113.7", 0)).toBe("203.0.113.7");
    expect(clientAddress("::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientAddress("::1", 0)).toBe("::1");
  });

  it("behind trusted proxies, ignores whatever the client wrote further left", () => {
    expect(clientAddress("6.6.6.6, 203.0.113.7", 1)).toBe("6.6.6.6");
    expect(clientAddress("1.1.1.1, 6.6.6.6, 203.0.113.7, 10.0.0.2", 2)).toBe("6.6.6.6");
    expect(clientAddress("203.0.113.7", 3)).toBe("203.0.113.7");
  });

  it("is null for no header or something that is not an address", () => {
    expect(clientAddress(undefined, 0)).toBeNull();
    expect(clientAddress("", 0)).toBeNull();
    expect(clientAddress("evil.example", 0)).toBeNull();
    expect(clientAddress("1.2.3.4'; drop table", 0)).toBeNull();
  });
});
