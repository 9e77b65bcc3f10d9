import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeCallbackPath } from "./callback-url";

describe("safeCallbackPath", () => {
  it("keeps paths on the console", () => {
    expect(safeCallbackPath("/roles/app-server/trust?x=1#top")).toBe("/roles/app-server/trust?x=1#top");
    expect(safeCallbackPath("/users")).toBe("/users");
  });

  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/\n/evil.example/x",
    "//evil.example/x",
    "///evil.example/x",
    "/.//evil.example",
    "https://evil.example/x",
    "http:evil.example",
    "javascript:alert(1)",
    "\\\\evil.example",
    " //evil.example",
    "/login?callbackUrl=/roles",
  ])("refuses %j", (raw) => {
    expect(safeCallbackPath(raw)).toBe(DEFAULT_AFTER_SIGN_IN);
  });

  it("never yields a path a browser would take off the console", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("/", "\\", "\t", "\n", ":", ".", "@", "%", "e", "x", "?", "#", " ") }), (raw) => {
        const path = safeCallbackPath(raw);
        const base = "http://localhost:3000";
        expect(new URL(path, base).origin).toBe(base);
        expect(path.startsWith("/")).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
