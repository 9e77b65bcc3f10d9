import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, ec2Trust, uniqueName } from "./console-client";

/**
 * Cross-site request forgery, framing and malformed input against the console's JSON routes, kept as tests. The
 * CSRF cases run against every mutating route the app defines (found on disk), so a new route cannot skip the
 * guard in lib/auth/console-route.ts.
 */

type ApiError = { error: { code: string; message: string } };

let admin: ConsoleClient;
const baseUrl = inject("baseUrl");
const ownOrigin = new URL(baseUrl).origin;
const otherOrigin = `http://localhost:${Number(new URL(baseUrl).port) + 1}`;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
});

/** Every console route file and the mutating methods it exports, as `[method, url]` with params filled in. */
function mutatingRoutes(): [string, string][] {
  const root = path.resolve(import.meta.dirname, "../../app/api/console");
  const out: [string, string][] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "route.ts") {
        const source = fs.readFileSync(p, "utf8");
        const url = "/api/console/" + path.relative(root, path.dirname(p)).split(path.sep).map((s) => s.replace(/^\[\.*(\w+)\]$/, "csrf-probe-$1")).join("/");
        for (const m of source.matchAll(/export const (POST|PUT|PATCH|DELETE)\b/g)) out.push([m[1], url.replace(/\/$/, "")]);
      }
    }
  };
  walk(root);
  return out;
}

const routes = mutatingRoutes();

describe("console changes from another origin are refused (CSRF)", () => {
  it("finds the mutating routes", () => {
    expect(routes.length).toBeGreaterThan(15);
  });

  it.each(routes)("%s %s refuses another origin of the same site", async (method, url) => {
    const res = await admin.request(method, url, {
      body: "{}",
      headers: { origin: otherOrigin, "sec-fetch-site": "same-site", "content-type": "application/json" },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ApiError).error.message).toMatch(/from the console/);
  });

  it.each(routes)("%s %s refuses a text/plain body even from its own origin", async (method, url) => {
    const res = await admin.request(method, url, { body: '{"a":1}', headers: { origin: ownOrigin, "content-type": "text/plain" } });
    expect(res.status).toBe(403);
  });

  it("a <form enctype=text/plain> cannot create a role or attach AdministratorAccess", async () => {
    const name = uniqueName("csrf");
    const form = `{"RoleName":"${name}","AssumeRolePolicyDocument":${JSON.stringify(ec2Trust)},"x":"=1"}`;
    const res = await admin.request("POST", "/api/console/roles", { body: form, headers: { origin: otherOrigin, "content-type": "text/plain" } });
    expect(res.status).toBe(403);
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
    const attach = await admin.request("POST", "/api/console/roles/app-server/attached-policies", {
      body: JSON.stringify({ PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
      headers: { origin: otherOrigin, "sec-fetch-site": "same-site", "sec-fetch-mode": "no-cors", "content-type": "text/plain;charset=UTF-8" },
    });
    expect(attach.status).toBe(403);
    const attached = await admin.json<{ policyArn: string }[]>("GET", "/api/console/roles/app-server/attached-policies");
    expect(attached.body.map((a) => a.policyArn)).not.toContain("arn:aws:iam::aws:policy/AdministratorAccess");
  });

  it("the console's own requests still work", async () => {
    const name = uniqueName("same-origin");
    const res = await admin.request("POST", "/api/console/roles", {
      json: { RoleName: name, AssumeRolePolicyDocument: ec2Trust },
      headers: { origin: ownOrigin, "sec-fetch-site": "same-origin" },
    });
    expect(res.status).toBe(201);
    expect((await admin.request("DELETE", `/api/console/roles/${name}`, { headers: { origin: ownOrigin, "sec-fetch-site": "same-origin" } })).status).toBe(204);
  });
});

describe("framing and sniffing", () => {
  it.each(["/login", "/roles", "/api/console/roles", "/api/health"])("%s may not be framed", async (p) => {
    const res = await admin.request("GET", p);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
  });
});

describe("malformed console input is a 4xx, never a 500", () => {
  it.each(["roles", "users", "policies"])("/api/console/%s/%ZZ", async (kind) => {
    const res = await admin.json<ApiError>("GET", `/api/console/${kind}/%ZZ`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("InvalidInput");
  });

  it("a body nested 100,000 deep is refused", async () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const res = await admin.request("POST", "/api/console/roles", { body: deep, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).error.message).toBe("The request body nests deeper than 64 levels.");
  });

  it("a body over 1 MiB is refused with 413", async () => {
    const res = await admin.request("POST", "/api/console/roles", { body: JSON.stringify({ RoleName: "x".repeat(2 * 1024 * 1024) }), headers: { "content-type": "application/json" } });
    expect(res.status).toBe(413);
  });

  it("a page past any real list is refused", async () => {
    const res = await admin.json<ApiError>("GET", "/api/console/roles?page=999999999999999999999");
    expect(res.status).toBe(400);
  });

  it("the server still answers afterwards", async () => {
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});
