import { createHash, createHmac, randomBytes } from "node:crypto";
import { IAMClient } from "@aws-sdk/client-iam";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@/lib/aws-api/sha256";

/**
 * Test support for the integration tests in tests/integration/aws-*.test.ts: the official SDK client aimed at a
 * running Roleplane, and raw SigV4-signed requests for what the SDK will not send (tampered bodies, old dates,
 * missing parameters). Not imported by the application.
 */

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export function iamClient(baseUrl: string, credentials: Credentials): IAMClient {
  return new IAMClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });
}

/** A name no other test (or earlier run against the same server) uses. */
export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(5).toString("hex")}`;

export const trustPolicy = (principal: object = { Service: "ec2.amazonaws.com" }) =>
  JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }],
  });

export const identityPolicy = (action = "s3:GetObject") =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

export interface AwsFailure {
  code: string;
  message: string;
  status: number;
}

const ENCODED_SUFFIX = / Encoded authorization failure message: ([A-Za-z0-9_-]+)$/;

/**
 * An AccessDenied message split into AWS's sentence and the encoded authorization message after it (which STS
 * DecodeAuthorizationMessage opens); `encoded` is undefined when the message carries none.
 */
export function splitDenial(message: string): { reason: string; encoded?: string } {
  const m = ENCODED_SUFFIX.exec(message);
  return m ? { reason: message.slice(0, m.index), encoded: m[1] } : { reason: message };
}

/** Runs an SDK call that must fail, and returns AWS's error code, message and HTTP status. */
export async function failure(call: Promise<unknown>): Promise<AwsFailure> {
  try {
    await call;
  } catch (e) {
    const err = e as { Code?: string; name?: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return { code: err.Code ?? err.name ?? "", message: err.message ?? "", status: err.$metadata?.httpStatusCode ?? 0 };
  }
  throw new Error("expected the AWS call to fail");
}

export interface RawRequest {
  baseUrl: string;
  params: Record<string, string>;
  credentials?: Credentials;
  service?: string;
  signingDate?: Date;
  /** Change the body after signing (to test that tampering is detected). */
  tamperBody?: (body: string) => string;
  method?: "POST" | "GET";
}

export interface RawResponse {
  status: number;
  body: string;
  code?: string;
  message?: string;
}

/** Sends a Query API request signed exactly as the SDK signs, or unsigned when no credentials are given. */
export async function rawRequest(req: RawRequest): Promise<RawResponse> {
  const url = new URL(`${req.baseUrl}/api/aws`);
  const method = req.method ?? "POST";
  const form = new URLSearchParams(req.params).toString();
  const body = method === "POST" ? form : "";
  const query = method === "GET" ? Object.fromEntries(new URLSearchParams(form)) : {};
  const headers: Record<string, string> = { host: url.host };
  if (method === "POST") headers["content-type"] = "application/x-www-form-urlencoded; charset=utf-8";
  let signedHeaders = headers;
  if (req.credentials) {
    const signer = new SignatureV4({
      service: req.service ?? "iam",
      region: "us-east-1",
      credentials: req.credentials,
      sha256: Sha256,
    });
    const signed = await signer.sign(
      { method, protocol: url.protocol, hostname: url.hostname, port: Number(url.port), path: url.pathname, query, headers, body },
      { signingDate: req.signingDate },
    );
    signedHeaders = signed.headers;
  }
  const target = new URL(url);
  for (const [k, v] of Object.entries(query)) target.searchParams.set(k, v);
  const sent = req.tamperBody ? req.tamperBody(body) : body;
  const { host: _host, ...fetchHeaders } = signedHeaders;
  const res = await fetch(target, { method, headers: fetchHeaders, body: method === "POST" ? sent : undefined });
  const text = await res.text();
  return {
    status: res.status,
    body: text,
    code: /<Code>([^<]*)<\/Code>/.exec(text)?.[1],
    message: /<Message>([^<]*)<\/Message>/.exec(text)?.[1]?.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  };
}

/**
 * A SigV4 presigned GET URL computed by hand (the SDK's presigner refuses X-Amz-Expires over a week, which is
 * exactly what a test of the server's own limit must send). Follows the published algorithm step by step:
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 */
export function presignedUrl(baseUrl: string, credentials: Credentials, params: Record<string, string>, expiresIn: number, signedAt = new Date()): URL {
  const url = new URL(`${baseUrl}/api/aws`);
  const amzDate = signedAt.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  const day = amzDate.slice(0, 8);
  const scope = `${day}/us-east-1/iam/aws4_request`;
  const query: Record<string, string> = {
    ...params,
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Credential": `${credentials.accessKeyId}/${scope}`,
    "X-Amz-Date": amzDate,
    "X-Amz-Expires": String(expiresIn),
    "X-Amz-SignedHeaders": "host",
  };
  const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${enc(k)}=${enc(query[k])}`)
    .join("&");
  const canonicalRequest = ["GET", url.pathname, canonicalQuery, `host:${url.host}\n`, "host", createHash("sha256").update("").digest("hex")].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, createHash("sha256").update(canonicalRequest).digest("hex")].join("\n");
  const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), "us-east-1"), "iam"), "aws4_request");
  const signature = createHmac("sha256", signingKey).update(stringToSign).digest("hex");
  url.search = `${canonicalQuery}&X-Amz-Signature=${signature}`;
  return url;
}
