import { timingSafeEqual } from "node:crypto";
import {
  ALGORITHM_IDENTIFIER,
  SignatureV4Base,
  createScope,
  getCanonicalHeaders,
  getSigningKey,
} from "@smithy/signature-v4";
import { AwsError, clip } from "@/lib/domain/errors";
import type { HeaderReader } from "@/lib/http/transport";
import { Sha256, sha256Hex } from "./sha256";

/**
 * Server-side verification of AWS Signature Version 4
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html).
 *
 * The canonical request, string to sign and signing key are computed by @smithy/signature-v4 — the same code the
 * AWS SDK signs with — so we only parse what the client sent, check the scope and clock, and compare. Error codes
 * and wording follow what IAM/STS answer (IncompleteSignature, SignatureDoesNotMatch, InvalidClientTokenId,
 * MissingAuthenticationToken).
 */

/**
 * A presigned URL lives at most a week: the signing key it derives from is only valid that long
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html, "X-Amz-Expires").
 */
export const MAX_PRESIGN_EXPIRES_S = 604_800;

/** AWS tolerates 15 minutes between the signer's clock and ours, in both directions. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** The parts of an HTTP request the signature covers. Header names may be in any case. */
export interface IncomingSignedRequest {
  method: string;
  url: URL;
  headers: HeaderReader;
  body: Uint8Array;
}

/** What the key store returns for an access key id; `status` Inactive keys are refused like unknown ones. */
export interface SigningSecret {
  secretAccessKey: string;
  status: "Active" | "Inactive";
}

export interface VerifyOptions<K extends SigningSecret> {
  /** Finds the secret for an access key id (and, for temporary credentials, its session token). */
  lookup: (accessKeyId: string, sessionToken: string | undefined) => Promise<K | null>;
  /** Credential-scope services this endpoint answers for, e.g. ["iam", "sts"]. */
  services: readonly string[];
  now?: Date;
}

export interface VerifiedRequest<K> {
  key: K;
  accessKeyId: string;
  region: string;
  service: string;
  sessionToken?: string;
}

/** Exposes the protected canonical-request and string-to-sign builders of the SDK's own signer. */
class CanonicalSigner extends SignatureV4Base {
  constructor() {
    super({ service: "iam", region: "us-east-1", credentials: { accessKeyId: "", secretAccessKey: "" }, sha256: Sha256 });
  }

  canonicalRequest(request: CanonicalInput, headers: Record<string, string>, payloadHash: string): string {
    return this.createCanonicalRequest(request, headers, payloadHash);
  }

  stringToSign(longDate: string, scope: string, canonicalRequest: string): Promise<string> {
    return this.createStringToSign(longDate, scope, canonicalRequest, ALGORITHM_IDENTIFIER);
  }
}

/** The SDK's HttpRequest shape, taken from the signer's own signature rather than restated. */
type CanonicalInput = Parameters<typeof getCanonicalHeaders>[0];

const signer = new CanonicalSigner();

interface ParsedAuth {
  credential: string;
  signedHeaders: string[];
  signature: string;
  longDate: string;
  /** Seconds a presigned URL stays valid (query form only). */
  expiresIn?: number;
  sessionToken?: string;
  presigned: boolean;
}

const incomplete = (message: string) => new AwsError("IncompleteSignature", message);
const mismatch = (message: string) => new AwsError("SignatureDoesNotMatch", message);

export const SIGNATURE_MISMATCH_MESSAGE =
  "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";
export const INVALID_TOKEN_MESSAGE = "The security token included in the request is invalid.";

const BASIC_ISO = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function parseBasicIso(value: string): Date | null {
  const m = BASIC_ISO.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(d.getTime()) ? null : d;
}

export function toBasicIso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}

/** The request date from X-Amz-Date or, as AWS also accepts, the HTTP Date header. */
function requestDate(headers: HeaderReader): string | undefined {
  const amz = headers.get("x-amz-date");
  if (amz !== null) return amz;
  const date = headers.get("date");
  if (date === null) return undefined;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : toBasicIso(parsed);
}

function parseAuthorizationHeader(header: string, headers: HeaderReader): ParsedAuth {
  const space = header.indexOf(" ");
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM_IDENTIFIER) throw incomplete(`Unsupported AWS 'algorithm': '${clip(algorithm, 64)}'`);
  const fields = new Map<string, string>();
  for (const raw of header.slice(space + 1).split(",")) {
    const part = raw.trim();
    if (part === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0)
      throw incomplete(`'${clip(part, 128)}' not a valid key=value pair (missing equal-sign) in Authorization header: '${clip(header, 512)}'.`);
    fields.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const longDate = requestDate(headers);
  const missing: string[] = [];
  for (const name of ["Credential", "Signature", "SignedHeaders"])
    if (!fields.get(name)) missing.push(`Authorization header requires '${name}' parameter.`);
  if (longDate === undefined)
    missing.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  if (missing.length > 0) throw incomplete(`${missing.join(" ")} Authorization=${clip(header, 512)}`);
  return {
    credential: fields.get("Credential")!,
    signedHeaders: fields.get("SignedHeaders")!.split(";"),
    signature: fields.get("Signature")!,
    longDate: longDate!,
    sessionToken: headers.get("x-amz-security-token") ?? undefined,
    presigned: false,
  };
}

const PRESIGN_PARAMS = ["X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders", "X-Amz-Date"];

function parsePresignedQuery(query: URLSearchParams): ParsedAuth {
  if (PRESIGN_PARAMS.some((p) => !query.get(p)))
    throw incomplete(
      "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', and 'X-Amz-Date'. Re-examine the query-string parameters.",
    );
  const algorithm = query.get("X-Amz-Algorithm")!;
  if (algorithm !== ALGORITHM_IDENTIFIER) throw incomplete(`Unsupported AWS 'algorithm': '${clip(algorithm, 64)}'`);
  const expires = query.get("X-Amz-Expires");
  const expiresIn = expires === null ? undefined : /^\d{1,10}$/.test(expires) ? Number(expires) : NaN;
  if (expiresIn !== undefined && !(expiresIn >= 1 && expiresIn <= MAX_PRESIGN_EXPIRES_S))
    throw new AwsError(
      "AuthorizationQueryParametersError",
      `X-Amz-Expires must be a whole number of seconds from 1 to ${MAX_PRESIGN_EXPIRES_S} (one week), got '${clip(expires!, 32)}'.`,
    );
  return {
    credential: query.get("X-Amz-Credential")!,
    signedHeaders: query.get("X-Amz-SignedHeaders")!.split(";"),
    signature: query.get("X-Amz-Signature")!,
    longDate: query.get("X-Amz-Date")!,
    expiresIn,
    sessionToken: query.get("X-Amz-Security-Token") ?? undefined,
    presigned: true,
  };
}

/**
 * IAM and STS answer a stale or future-dated signature with SignatureDoesNotMatch (not EC2's RequestExpired), in
 * these words; the SDKs recognise the code as clock skew, correct their offset from our Date header and retry.
 */
function checkClock(auth: ParsedAuth, signedAt: Date, now: Date): void {
  const nowIso = toBasicIso(now);
  const skewMin = MAX_CLOCK_SKEW_MS / 60_000;
  if (auth.presigned && auth.expiresIn !== undefined) {
    const expiresAt = new Date(signedAt.getTime() + auth.expiresIn * 1000);
    if (now > expiresAt)
      throw mismatch(
        `Signature expired: ${auth.longDate} is now earlier than ${toBasicIso(new Date(now.getTime() - auth.expiresIn * 1000))} (${nowIso} - ${auth.expiresIn} sec.)`,
      );
  } else if (signedAt.getTime() < now.getTime() - MAX_CLOCK_SKEW_MS) {
    throw mismatch(
      `Signature expired: ${auth.longDate} is now earlier than ${toBasicIso(new Date(now.getTime() - MAX_CLOCK_SKEW_MS))} (${nowIso} - ${skewMin} min.)`,
    );
  }
  if (signedAt.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS)
    throw mismatch(
      `Signature not yet current: ${auth.longDate} is still later than ${toBasicIso(new Date(now.getTime() + MAX_CLOCK_SKEW_MS))} (${nowIso} + ${skewMin} min.)`,
    );
}

interface Scope {
  accessKeyId: string;
  shortDate: string;
  region: string;
  service: string;
}

function checkScope(auth: ParsedAuth, services: readonly string[]): Scope {
  const parts = auth.credential.split("/");
  if (parts.length !== 5)
    throw incomplete(
      `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${clip(auth.credential, 256)}'`,
    );
  const [accessKeyId, shortDate, region, service, terminator] = parts;
  const problems: string[] = [];
  if (region === "") problems.push(`Credential should be scoped to a valid region, not '${region}'.`);
  if (!services.includes(service)) problems.push(`Credential should be scoped to correct service: '${services[0]}'.`);
  if (terminator !== "aws4_request")
    problems.push(`Credential should be scoped with a valid terminator: 'aws4_request', not '${clip(terminator, 64)}'.`);
  const expectedDate = auth.longDate.slice(0, 8);
  if (shortDate !== expectedDate)
    problems.push(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${clip(shortDate, 32)}' != '${expectedDate}', from '${auth.longDate}'.`,
    );
  if (problems.length > 0) throw mismatch(problems.join(" "));
  if (accessKeyId === "") throw new AwsError("InvalidClientTokenId", INVALID_TOKEN_MESSAGE);
  return { accessKeyId, shortDate, region, service };
}

/** Only the headers the client says it signed enter the canonical request; each must be present. */
function signedHeaderValues(auth: ParsedAuth, headers: HeaderReader): { names: Set<string>; values: Record<string, string> } {
  const names = auth.signedHeaders.map((h) => h.toLowerCase());
  if (!names.includes("host")) throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  const picked: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value === null) throw incomplete(`'${clip(name, 128)}' is named as a SignedHeader, but it does not exist in the HTTP request.`);
    picked[name] = value;
  }
  return { names: new Set(names), values: picked };
}

function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of params) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function safeDecodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function constantTimeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "utf8");
  const y = Buffer.from(b, "utf8");
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Verifies a SigV4-signed request (Authorization header, or presigned query string) and returns the key that
 * signed it. Throws AwsError with AWS's code and wording otherwise. The payload hash is always computed from the
 * body we received, never taken from `x-amz-content-sha256`, so a body changed in transit cannot pass.
 */
export async function verifySigV4<K extends SigningSecret>(
  req: IncomingSignedRequest,
  options: VerifyOptions<K>,
): Promise<VerifiedRequest<K>> {
  const now = options.now ?? new Date();
  const header = req.headers.get("authorization");
  const hasPresign = req.url.searchParams.has("X-Amz-Signature") || req.url.searchParams.has("X-Amz-Credential");
  if (header === null && !hasPresign)
    throw new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token");
  const auth = header !== null ? parseAuthorizationHeader(header, req.headers) : parsePresignedQuery(req.url.searchParams);

  const signedAt = parseBasicIso(auth.longDate);
  if (!signedAt)
    throw incomplete(
      `Date must be in ISO-8601 'basic format'. Got '${clip(auth.longDate, 64)}'. See http://en.wikipedia.org/wiki/ISO_8601`,
    );
  checkClock(auth, signedAt, now);
  const scope = checkScope(auth, options.services);
  const signed = signedHeaderValues(auth, req.headers);

  const key = await options.lookup(scope.accessKeyId, auth.sessionToken);
  if (!key || key.status !== "Active") throw new AwsError("InvalidClientTokenId", INVALID_TOKEN_MESSAGE);

  const request: CanonicalInput = {
    method: req.method.toUpperCase(),
    protocol: req.url.protocol,
    hostname: req.url.hostname,
    path: safeDecodePath(req.url.pathname),
    query: queryRecord(req.url.searchParams),
    headers: signed.values,
  };
  const canonicalHeaders = getCanonicalHeaders(request, undefined, signed.names);
  const canonical = signer.canonicalRequest(request, canonicalHeaders, sha256Hex(req.body));
  const credentialScope = createScope(scope.shortDate, scope.region, scope.service);
  const stringToSign = await signer.stringToSign(auth.longDate, credentialScope, canonical);
  const signingKey = await getSigningKey(
    Sha256,
    { accessKeyId: scope.accessKeyId, secretAccessKey: key.secretAccessKey },
    scope.shortDate,
    scope.region,
    scope.service,
  );
  const hmac = new Sha256(signingKey);
  hmac.update(Buffer.from(stringToSign, "utf8"));
  const expected = Buffer.from(await hmac.digest()).toString("hex");
  if (!constantTimeEqual(expected, auth.signature.toLowerCase())) throw mismatch(SIGNATURE_MISMATCH_MESSAGE);

  return {
    key,
    accessKeyId: scope.accessKeyId,
    region: scope.region,
    service: scope.service,
    sessionToken: auth.sessionToken,
  };
}
