import http from "node:http";
import { describe, expect, inject, it } from "vitest";
import { GetRoleCommand, ListRolesCommand } from "@aws-sdk/client-iam";
import { QUERY_LIMITS } from "@/lib/aws-api/query";
import { failure, iamClient, presignedUrl, rawRequest, trustPolicy, uniqueName } from "./support/aws";

/**
 * The attacks of the security review against the Query API, kept as tests. Each one that once broke or froze the
 * server asserts afterwards that health and a signed call still answer within a second.
 */

const baseUrl = inject("baseUrl");
const admin = { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") };
const iam = iamClient(baseUrl, admin);
const V = "2010-05-08";

async function stillServing() {
  const started = Date.now();
  expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);
  expect((await iam.send(new ListRolesCommand({ MaxItems: 1 }))).$metadata.httpStatusCode).toBe(200);
  expect((await fetch(`${baseUrl}/login`)).status).toBe(200);
  expect(Date.now() - started).toBeLessThan(1000);
}

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${baseUrl}/api/aws`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body });

describe("hostile requests to the Query API", () => {
  it.each(["__proto__.pz=1", "constructor.prototype.pz=1", "Action=ListRoles&Version=2010-05-08&__proto__.pz=1"])(
    "an unsigned %s is refused and breaks nothing",
    async (body) => {
      const res = await post(body);
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("<Code>MissingAuthenticationToken</Code>");
      await stillServing();
    },
  );

  it("a signed request with __proto__ keys is validated like any other and breaks nothing", async () => {
    const res = await rawRequest({
      baseUrl,
      credentials: admin,
      params: { Action: "GetRole", Version: V, RoleName: "no-such-role-x", "__proto__.pz": "1", "constructor.prototype.pz": "1" },
    });
    expect(res.code).toBe("NoSuchEntity");
    await stillServing();
  });

  it("a list position of 4294967295 is refused at once, signed or not", async () => {
    const started = Date.now();
    expect((await post("Action=ListRoles&Version=2010-05-08&X.member.4294967295=k")).status).toBe(403);
    const signed = await rawRequest({ baseUrl, credentials: admin, params: { Action: "ListRoles", Version: V, "X.member.4294967295": "k" } });
    expect(signed.code).toBe("ValidationError");
    expect(signed.message).toContain(`lists hold at most ${QUERY_LIMITS.listMembers} members`);
    expect(Date.now() - started).toBeLessThan(2000);
    await stillServing();
  });

  it("100,000 parameters are refused without being parsed", async () => {
    const body = Array.from({ length: 100_000 }, (_, i) => `p${i}=1`).join("&");
    const started = Date.now();
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain(`at most ${QUERY_LIMITS.parameters} are accepted`);
    expect(Date.now() - started).toBeLessThan(2000);
    await stillServing();
  });

  it("a key of 5,000 dotted levels is a ValidationError, not a stack overflow", async () => {
    const res = await rawRequest({ baseUrl, credentials: admin, params: { Action: "ListRoles", Version: V, [Array(5000).fill("a").join(".")]: "1" } });
    expect(res.status).toBe(400);
    expect(res.code).toBe("ValidationError");
    await stillServing();
  });

  it("a 200 MB body is refused by its declared length before it is read", async () => {
    const answer = await sendLargeBody(200 * 1024 * 1024, { "content-length": String(200 * 1024 * 1024) });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("<Code>RequestEntityTooLarge</Code>");
    expect(answer.sentBytes).toBeLessThan(50 * 1024 * 1024);
    await stillServing();
  });

  it("a chunked body is cut off once it passes the limit", async () => {
    const answer = await sendLargeBody(200 * 1024 * 1024, { "transfer-encoding": "chunked" });
    expect(answer.status).toBe(413);
    expect(answer.sentBytes).toBeLessThan(50 * 1024 * 1024);
    await stillServing();
  });

  it("a huge value is truncated in the ValidationError that echoes it", async () => {
    const name = "x".repeat(500_000);
    const res = await rawRequest({ baseUrl, credentials: admin, params: { Action: "GetRole", Version: V, RoleName: name } });
    expect(res.code).toBe("ValidationError");
    expect(res.body.length).toBeLessThan(2000);
    expect(res.message).toContain("more characters)");
  });

  it("a Marker past any real list is refused, never a 500", async () => {
    const res = await rawRequest({ baseUrl, credentials: admin, params: { Action: "ListRoles", Version: V, Marker: "OTk5OTk5OTk5OTk5OTk5OTk5OTk5" } });
    expect(res.status).toBe(400);
    expect(res.code).toBe("InvalidInput");
    expect((await failure(iam.send(new ListRolesCommand({ Marker: "bzoxZTIx" })))).code).toBe("InvalidInput");
  });

  it("every response says it must not be framed or sniffed", async () => {
    const res = await post("Action=ListRoles");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });
});

describe("presigned URLs live at most a week", () => {
  async function fetchXml(url: URL) {
    const res = await fetch(url);
    const body = await res.text();
    return { status: res.status, code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1] };
  }

  it("a URL signed 30 days ago with X-Amz-Expires=999999999 creates nothing", async () => {
    const name = uniqueName("presign-old");
    const thirtyDaysAgo = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    const url = presignedUrl(baseUrl, admin, { Action: "CreateRole", Version: V, RoleName: name, AssumeRolePolicyDocument: trustPolicy() }, 999_999_999, thirtyDaysAgo);
    expect(await fetchXml(url)).toEqual({ status: 400, code: "AuthorizationQueryParametersError" });
    expect((await failure(iam.send(new GetRoleCommand({ RoleName: name })))).code).toBe("NoSuchEntity");
  });

  it.each([0, 604_801])("X-Amz-Expires=%i is refused", async (expires) => {
    const url = presignedUrl(baseUrl, admin, { Action: "ListRoles", Version: V }, expires);
    expect(await fetchXml(url)).toEqual({ status: 400, code: "AuthorizationQueryParametersError" });
  });

  it("a URL valid for up to a week works", async () => {
    expect((await fetchXml(presignedUrl(baseUrl, admin, { Action: "ListRoles", Version: V, MaxItems: "1" }, 604_800))).status).toBe(200);
  });
});

/** Streams up to `total` bytes and stops as soon as the server answers; returns the answer and what was sent. */
function sendLargeBody(total: number, headers: Record<string, string>): Promise<{ status: number; body: string; sentBytes: number }> {
  const url = new URL(`${baseUrl}/api/aws`);
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let answered = false;
    const chunk = Buffer.alloc(1 << 20, 97);
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", ...headers } });
    req.on("response", (res) => {
      answered = true;
      let body = "";
      res.on("data", (d) => (body += d));
      res.on("end", () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body, sentBytes });
      });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sentBytes < total) {
        sentBytes += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}
