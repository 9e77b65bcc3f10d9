import { describe, expect, it } from "vitest";
import { SignatureV4 } from "@smithy/signature-v4";
import { AwsError } from "@/lib/domain/errors";
import { Sha256 } from "./sha256";
import { verifySigV4, type IncomingSignedRequest, type SigningSecret } from "./sigv4";

const KEY_ID = "AKIAEXAMPLEEXAMPLE12";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const SIGNED_AT = new Date("2026-11-28T00:00:00Z");
const BODY = "Action=ListRoles&Version=2010-05-08";

interface SignOptions {
  secret?: string;
  keyId?: string;
  service?: string;
  region?: string;
  date?: Date;
  body?: string;
  query?: Record<string, string>;
  extraHeaders?: Record<string, string>;
}

async function signed(opts: SignOptions = {}): Promise<IncomingSignedRequest & { headers: Headers }> {
  const body = opts.body ?? BODY;
  const signer = new SignatureV4({
    service: opts.service ?? "iam",
    region: opts.region ?? "us-east-1",
    credentials: { accessKeyId: opts.keyId ?? KEY_ID, secretAccessKey: opts.secret ?? SECRET },
    sha256: Sha256,
  });
  const request = await signer.sign(
    {
      method: "POST",
      protocol: "http:",
      hostname: "localhost",
      port: 3101,
      path: "/api/aws",
      query: opts.query ?? {},
      headers: {
        host: "localhost:3101",
        "content-type": "application/x-www-form-urlencoded; charset=utf-8",
        ...opts.extraHeaders,
      },
      body,
    },
    { signingDate: opts.date ?? SIGNED_AT },
  );
  const url = new URL("http://localhost:3101/api/aws");
  for (const [k, v] of Object.entries(request.query ?? {})) if (typeof v === "string") url.searchParams.set(k, v);
  return { method: "POST", url, headers: new Headers(request.headers), body: new TextEncoder().encode(body) };
}

const keys: Record<string, SigningSecret & { owner: string }> = {
  [KEY_ID]: { secretAccessKey: SECRET, status: "Active", owner: "admin" },
  AKIAINACTIVEINACTIVE: { secretAccessKey: SECRET, status: "Inactive", owner: "old" },
};
const lookup = async (id: string) => keys[id] ?? null;
const verify = (req: IncomingSignedRequest, now = SIGNED_AT) => verifySigV4(req, { lookup, services: ["iam", "sts"], now });

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string; status: number }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, message: e.message, status: e.status };
    throw e;
  }
  throw new Error("expected a refusal");
}

describe("verifySigV4", () => {
  it("accepts a request signed by the AWS SDK signer and names the key, region and service", async () => {
    const result = await verify(await signed({ region: "eu-west-3" }));
    expect(result).toMatchObject({ accessKeyId: KEY_ID, region: "eu-west-3", service: "iam" });
    expect(result.key.owner).toBe("admin");
  });

  it("accepts the sts scope too, and clocks within 15 minutes either way", async () => {
    await expect(verify(await signed({ service: "sts" }))).resolves.toMatchObject({ service: "sts" });
    await expect(verify(await signed(), new Date(SIGNED_AT.getTime() + 14 * 60_000))).resolves.toBeTruthy();
    await expect(verify(await signed(), new Date(SIGNED_AT.getTime() - 14 * 60_000))).resolves.toBeTruthy();
  });

  it("refuses a wrong secret with SignatureDoesNotMatch", async () => {
    const r = await refusal(verify(await signed({ secret: "x".repeat(40) })));
    expect(r).toEqual({
      code: "SignatureDoesNotMatch",
      status: 403,
      message:
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
    });
  });

  it("refuses unknown and inactive keys with InvalidClientTokenId", async () => {
    for (const keyId of ["AKIAUNKNOWNUNKNOWN00", "AKIAINACTIVEINACTIVE"]) {
      const r = await refusal(verify(await signed({ keyId })));
      expect(r).toEqual({
        code: "InvalidClientTokenId",
        status: 403,
        message: "The security token included in the request is invalid.",
      });
    }
  });

  it("refuses a request with no authentication", async () => {
    const req = await signed();
    req.headers.delete("authorization");
    expect(await refusal(verify(req))).toEqual({
      code: "MissingAuthenticationToken",
      status: 403,
      message: "Request is missing Authentication Token",
    });
  });

  it("refuses an expired or future signature in AWS's words", async () => {
    const late = await refusal(verify(await signed(), new Date("2026-11-28T00:30:00Z")));
    expect(late).toEqual({
      code: "SignatureDoesNotMatch",
      status: 403,
      message: "Signature expired: 20261128T000000Z is now earlier than 20261128T001500Z (20261128T003000Z - 15 min.)",
    });
    const early = await refusal(verify(await signed(), new Date("2026-11-27T23:40:00Z")));
    expect(early.message).toBe(
      "Signature not yet current: 20261128T000000Z is still later than 20261127T235500Z (20261127T234000Z + 15 min.)",
    );
  });

  it("refuses a tampered body, even when x-amz-content-sha256 still carries the original hash", async () => {
    const req = await signed({ extraHeaders: { "x-amz-content-sha256": "" } });
    const withHash = await signed();
    withHash.body = new TextEncoder().encode("Action=DeleteRole&Version=2010-05-08&RoleName=x");
    expect((await refusal(verify(withHash))).code).toBe("SignatureDoesNotMatch");
    expect((await refusal(verify(req))).code).toBe("SignatureDoesNotMatch");
  });

  it("refuses tampered headers, query, method, path and date", async () => {
    const tampers: ((r: IncomingSignedRequest & { headers: Headers }) => void)[] = [
      (r) => r.headers.set("content-type", "text/plain"),
      (r) => r.headers.set("host", "evil.example:3101"),
      (r) => r.url.searchParams.set("Action", "DeleteRole"),
      (r) => (r.method = "PUT"),
      (r) => (r.url = new URL("http://localhost:3101/api/aws/other")),
      (r) => r.headers.set("x-amz-date", "20261128T000001Z"),
      (r) => r.headers.set("authorization", r.headers.get("authorization")!.replace(/Signature=\w/, "Signature=0")),
    ];
    for (const tamper of tampers) {
      const req = await signed();
      tamper(req);
      expect((await refusal(verify(req))).code).toBe("SignatureDoesNotMatch");
    }
  });

  it("checks the credential scope: service, terminator and date", async () => {
    const wrongService = await refusal(verify(await signed({ service: "s3" })));
    expect(wrongService).toMatchObject({
      code: "SignatureDoesNotMatch",
      message: "Credential should be scoped to correct service: 'iam'.",
    });
    const req = await signed();
    req.headers.set("authorization", req.headers.get("authorization")!.replace("/20261128/", "/20261127/"));
    expect((await refusal(verify(req))).message).toBe(
      "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261127' != '20261128', from '20261128T000000Z'.",
    );
    const bad = await signed();
    bad.headers.set("authorization", bad.headers.get("authorization")!.replace("/aws4_request", "/aws5_request"));
    expect((await refusal(verify(bad))).message).toBe(
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
    );
  });

  it("refuses malformed Authorization headers with IncompleteSignature", async () => {
    const cases: [string, string][] = [
      [
        "AWS4-HMAC-SHA256 Credential=AKIA/20261128/us-east-1/iam/aws4_request",
        "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=AKIA/20261128/us-east-1/iam/aws4_request",
      ],
      [
        "AWS4-HMAC-SHA256 Credential=AKIA/20261128/us-east-1/iam, SignedHeaders=host, Signature=abc",
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'AKIA/20261128/us-east-1/iam'",
      ],
      [
        "AWS4-HMAC-SHA256 Credential AKIA, SignedHeaders=host, Signature=abc",
        "'Credential AKIA' not a valid key=value pair (missing equal-sign) in Authorization header: 'AWS4-HMAC-SHA256 Credential AKIA, SignedHeaders=host, Signature=abc'.",
      ],
      ["Bearer abc", "Unsupported AWS 'algorithm': 'Bearer'"],
      [
        `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20261128/us-east-1/iam/aws4_request, SignedHeaders=content-type;x-amz-date, Signature=abc`,
        "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
      ],
      [
        `AWS4-HMAC-SHA256 Credential=${KEY_ID}/20261128/us-east-1/iam/aws4_request, SignedHeaders=host;x-custom, Signature=abc`,
        "'x-custom' is named as a SignedHeader, but it does not exist in the HTTP request.",
      ],
    ];
    for (const [header, message] of cases) {
      const req = await signed();
      req.headers.set("authorization", header);
      expect(await refusal(verify(req))).toEqual({ code: "IncompleteSignature", status: 400, message });
    }
    const noDate = await signed();
    noDate.headers.delete("x-amz-date");
    expect((await refusal(verify(noDate))).message).toContain(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  });

  it("verifies presigned query-string requests and their expiry", async () => {
    const signer = new SignatureV4({
      service: "iam",
      region: "us-east-1",
      credentials: { accessKeyId: KEY_ID, secretAccessKey: SECRET },
      sha256: Sha256,
    });
    const presigned = await signer.presign(
      {
        method: "GET",
        protocol: "http:",
        hostname: "localhost",
        port: 3101,
        path: "/api/aws",
        query: { Action: "ListRoles", Version: "2010-05-08" },
        headers: { host: "localhost:3101" },
      },
      { signingDate: SIGNED_AT, expiresIn: 300 },
    );
    const url = new URL("http://localhost:3101/api/aws");
    for (const [k, v] of Object.entries(presigned.query ?? {})) if (typeof v === "string") url.searchParams.set(k, v);
    const req = { method: "GET", url, headers: new Headers({ host: "localhost:3101" }), body: new Uint8Array() };
    await expect(verify(req)).resolves.toMatchObject({ accessKeyId: KEY_ID });
    expect((await refusal(verify(req, new Date("2026-11-28T00:06:00Z")))).code).toBe("SignatureDoesNotMatch");
    const tampered = { ...req, url: new URL(url) };
    tampered.url.searchParams.set("Action", "DeleteRole");
    expect((await refusal(verify(tampered))).code).toBe("SignatureDoesNotMatch");
  });
});
