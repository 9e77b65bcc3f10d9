import { describe, expect, it } from "vitest";
import { trustedClientAddress, trustedProxyHops } from "./client-address";

describe("trustedClientAddress", () => {
  it("ignores what the client claims when no proxy is trusted", () => {
    expect(trustedClientAddress("10.0.0.5", "9.9.9.9", 0)).toBe("10.0.0.5");
    expect(trustedClientAddress("10.0.0.5", undefined, 0)).toBe("10.0.0.5");
  });

  it("takes the address the trusted proxy saw, whatever the client prepended", () => {
    // client forged "1.1.1.1"; the proxy appended the real peer 203.0.113.7; the proxy itself is the socket.
    expect(trustedClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(trustedClientAddress("10.0.0.2", ["1.1.1.1", "203.0.113.7"], 1)).toBe("203.0.113.7");
  });

  it("does not run off the chain when fewer hops arrived than configured", () => {
    expect(trustedClientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
  });

  it("refuses a nonsense hop count", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("1")).toBe(1);
    expect(() => trustedProxyHops("-1")).toThrow(/ROLEPLANE_TRUSTED_PROXY_HOPS/);
  });
});
