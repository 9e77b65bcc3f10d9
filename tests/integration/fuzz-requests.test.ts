import fc from "fast-check";
import { SignatureV4 } from "@smithy/signature-v4";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { Sha256 } from "@/lib/aws-api/sha256";
import { iamService } from "@/lib/aws-api/iam";
import { stsService } from "@/lib/aws-api/sts";
import { ConsoleClient } from "./console-client";

/**
 * Random and adversarial requests against a real server: every one is answered with a status below 500 in AWS's
 * (or the console's) error shape, and the server keeps answering health checks throughout.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };

const ACTIONS = [...Object.keys(iamService.actions), ...Object.keys(stsService.actions)];
const MEMBER_NAMES = ["RoleName", "UserName", "PolicyArn", "PolicyDocument", "AssumeRolePolicyDocument", "Tags", "TagKeys", "MaxItems", "Marker", "Path",
  "PathPrefix", "DurationSeconds", "RoleArn", "RoleSessionName", "SerialNumber", "TokenCode", "PolicyArns", "AccessKeyId", "Status", "VersionId", "__proto__", "constructor"];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("", "x".repeat(3000), "{", "{\"Version\":\"2012-10-17\",\"Statement\":[]}", "arn:aws:iam::111111111111:role/x", "-1", "1e9", "NaN", "%", "\u0000", "\uD800"),
  fc.nat({ max: 5 }).map((n) => JSON.stringify(Array.from({ length: 200 * n }).reduce<unknown>((a) => [a], []))),
);
const key = fc.oneof(
  fc.constantFrom(...MEMBER_NAMES),
  fc.tuple(fc.constantFrom("Tags", "TagKeys", "PolicyArns"), fc.nat({ max: 3000 }), fc.constantFrom("", ".Key", ".Value", ".arn")).map(([n, i, s]) => `${n}.member.${i}${s}`),
  fc.string({ maxLength: 20 }),
);
const params = fc.record({
  action: fc.oneof(fc.constantFrom(...ACTIONS), fc.string({ maxLength: 12 })),
  version: fc.constantFrom("2010-05-08", "2011-06-15", "", "1999-01-01"),
  members: fc.array(fc.tuple(key, text), { maxLength: 12 }),
  signed: fc.boolean(),
  service: fc.constantFrom("iam", "sts"),
});

async function send(p: typeof params extends fc.Arbitrary<infer T> ? T : never) {
  const form = new URLSearchParams([["Action", p.action], ["Version", p.version], ...p.members]).toString();
  const url = new URL(`${baseUrl}/api/aws`);
  let headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded; charset=utf-8" };
  if (p.signed) {
    const signer = new SignatureV4({ service: p.service, region: "us-east-1", credentials: admin, sha256: Sha256 });
    const signedReq = await signer.sign({ method: "POST", protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query: {}, headers: { ...headers, host: url.host }, body: form });
    const { host: _host, ...rest } = signedReq.headers;
    headers = rest;
  }
  return fetch(url, { method: "POST", headers, body: form });
}

describe("the Query API under random requests", () => {
  it("never answers 5xx, always in AWS's envelope, and stays up", async () => {
    await fc.assert(
      fc.asyncProperty(params, async (p) => {
        const res = await send(p);
        const body = await res.text();
        expect(res.status, body).toBeLessThan(500);
        if (res.status >= 400) expect(body).toMatch(/<ErrorResponse xmlns="[^"]+"><Error><Type>Sender<\/Type><Code>[A-Za-z]+<\/Code>/);
      }),
      { numRuns: 250 },
    );
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});

describe("console routes under random JSON bodies", () => {
  let console: ConsoleClient;
  beforeAll(async () => {
    console = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
  });

  const ROUTES = ["/api/console/roles", "/api/console/users", "/api/console/policies", "/api/console/policy-validation", "/api/console/account",
    "/api/console/roles/app-server/trust-policy", "/api/console/roles/app-server/tags", "/api/console/users/nobody/access-keys"];
  const jsonish = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.constantFrom('{"__proto__":{"polluted":1}}', "[".repeat(5000), "not json", '{"RoleName":null}', "\uFEFF{}"),
    fc.string({ maxLength: 100 }),
  );

  it("never answer 5xx (as a viewer, nothing changes either)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.constantFrom("POST", "PUT", "PATCH", "DELETE"), jsonish, async (route, method, body) => {
        const res = await console.request(method, route, { body, headers: { "content-type": "application/json" } });
        expect(res.status, `${method} ${route} ${body.slice(0, 80)}`).toBeLessThan(500);
        // A method a route does not have is Next's bare 405; every answer of ours is {error: {code, message}}.
        if (res.status >= 400 && res.status !== 405) expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[A-Za-z]+$/);
      }),
      { numRuns: 200 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  });
});
