import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./same-origin";

const url = new URL("http://localhost:3000/api/console/roles");
const check = (method: string, headers: Record<string, string>, hasBody = true) => () =>
  assertSameOrigin(method, url, new Headers({ host: "localhost:3000", ...headers }), hasBody);

describe("console CSRF guard", () => {
  it("lets the console's own fetches through", () => {
    expect(check("POST", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "content-type": "application/json" })).not.toThrow();
    expect(check("DELETE", { origin: "http://localhost:3000", "sec-fetch-site": "same-origin" }, false)).not.toThrow();
  });

  it("lets reads and non-browser clients through", () => {
    expect(check("GET", { origin: "http://evil.example", "sec-fetch-site": "cross-site" })).not.toThrow();
    expect(check("POST", { "content-type": "application/json" })).not.toThrow();
  });

  it.each([
    ["another port of the same site", { origin: "http://localhost:8777", "content-type": "application/json" }],
    ["a same-site fetch", { "sec-fetch-site": "same-site", "content-type": "application/json" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", origin: "http://evil.example", "content-type": "application/json" }],
    ["a text/plain form", { origin: "http://localhost:3000", "content-type": "text/plain" }],
    ["a url-encoded form", { "content-type": "application/x-www-form-urlencoded" }],
    ["an opaque origin", { origin: "null", "content-type": "application/json" }],
  ])("refuses %s with 403", (_what, headers) => {
    expect(check("POST", headers)).toThrow(expect.objectContaining({ code: "AccessDenied", status: 403 }));
  });

  it("accepts the configured public origin behind a proxy", () => {
    const old = process.env.NEXTAUTH_URL;
    process.env.NEXTAUTH_URL = "https://iam.example.com/";
    try {
      expect(check("PUT", { origin: "https://iam.example.com", "content-type": "application/json" })).not.toThrow();
    } finally {
      process.env.NEXTAUTH_URL = old;
    }
  });
});
