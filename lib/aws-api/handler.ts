import { findSigningKey, recordAccessKeyUse, type SigningKey } from "@/lib/iam/access-keys";
import { AccessDeniedError, authorizeApiCall, iamAuthorizationInput } from "@/lib/iam/authorize";
import { auditRefusal } from "@/lib/iam/audit";
import type { RequestContext } from "@/lib/iam/context";
import { explainDecision } from "@/lib/policy";
import { AwsError, clip, isAwsError } from "@/lib/domain/errors";
import { newRequestId } from "@/lib/iam/ids";
import type { ApiCaller, QueryAction, QueryService } from "./action";
import type { RequestEnv } from "@/lib/iam/callers";
import { iamService } from "./iam";
import { stsService } from "./sts";
import { ProtocolError } from "./protocol-error";
import { readBoundedBody } from "@/lib/http/body";
import type { HeaderReader, HttpAnswer, HttpRequestLike } from "@/lib/http/transport";
import { nestParams, QUERY_LIMITS, readFlatParams } from "./query";
import { INVALID_TOKEN_MESSAGE, verifySigV4 } from "./sigv4";
import { findSessionSigningKey, type SessionSigningKey } from "@/lib/sts/session-auth";
import { syncCaches } from "@/lib/db/versioned-cache";
import { renderError, renderResponse, type XmlError } from "./xml";

/**
 * The AWS Query endpoint at /api/aws: authenticate (SigV4), pick the service from the credential scope, parse the
 * action's parameters, call the core, answer in AWS's XML. Every refusal is AWS's error envelope with its status.
 * IAM (2010-05-08) and STS (2011-06-15) are the QueryServices in SERVICES.
 */
export const SERVICES: QueryService[] = [iamService, stsService];

const DEFAULT_NAMESPACE = iamService.namespace;

interface Named {
  action?: string;
  version?: string;
}

function findAction(service: QueryService, query: Named): QueryAction {
  if (!query.action) throw new ProtocolError("MissingAction", "The request is missing an action or a required parameter.");
  const found = Object.hasOwn(service.actions, query.action) ? service.actions[query.action] : undefined;
  if (!found || query.version !== service.version)
    throw new AwsError(
      "InvalidAction",
      `Could not find operation ${clip(query.action, 128)} for version ${clip(query.version ?? "NO_VERSION_SPECIFIED", 64)}`,
    );
  return found;
}

/** Actions AWS serves without a signature (STS web-identity and SAML federation), found by their Version. */
function unsignedAction(query: Named): { service: QueryService; action: QueryAction } | null {
  const service = SERVICES.find((s) => s.version === query.version);
  const candidate = service && query.action && Object.hasOwn(service.actions, query.action) ? service.actions[query.action] : null;
  return service && candidate?.unsigned ? { service, action: candidate } : null;
}

function isSigned(req: HttpRequestLike, url: URL): boolean {
  return req.headers.has("authorization") || url.searchParams.has("X-Amz-Signature") || url.searchParams.has("X-Amz-Credential");
}

type AnyKey = SigningKey | SessionSigningKey;
const isSessionKey = (k: AnyKey): k is SessionSigningKey => "session" in k;

async function authenticate(req: HttpRequestLike, url: URL, body: Uint8Array): Promise<{ caller: ApiCaller; service: QueryService }> {
  const verified = await verifySigV4<AnyKey>(
    { method: req.method, url, headers: req.headers, body },
    {
      // Long-term (AKIA) keys never carry a session token, and temporary (ASIA) ones always do; AWS refuses either
      // mismatch as an invalid token.
      lookup: (id, sessionToken) =>
        sessionToken ? (id.startsWith("ASIA") ? findSessionSigningKey(id, sessionToken) : Promise.resolve(null)) : findSigningKey(id),
      services: SERVICES.map((s) => s.name),
    },
  );
  const service = SERVICES.find((s) => s.name === verified.service)!;
  const { key, region } = verified;
  if (isSessionKey(key)) {
    const s = key.session;
    // IAM refuses GetSessionToken credentials obtained without MFA ("You cannot call any IAM API operations unless
    // MFA authentication information is included in the request"), with the invalid-token answer.
    if (s.kind === "GetSessionToken" && !s.mfaAuthenticated && service.name === "iam")
      throw new AwsError("InvalidClientTokenId", INVALID_TOKEN_MESSAGE);
    return { service, caller: { kind: "session", accountId: s.accountId, arn: s.arn, accessKeyId: s.id, session: s, region } };
  }
  try {
    await recordAccessKeyUse(key, verified.service, region);
  } catch (e) {
    // Last-used tracking is best effort; it must never fail the caller's request.
    console.error("recordAccessKeyUse failed", e instanceof Error ? e.message : e);
  }
  return {
    service,
    caller: { kind: "user", accountId: key.accountId, arn: key.userArn, userName: key.userName, userId: key.userId, accessKeyId: key.accessKeyId, region },
  };
}

/**
 * IAM evaluates the caller's identity policies and permissions boundary for every call
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). A refusal is
 * recorded in the audit trail with the evaluator's explanation.
 */
async function authorizeCall(
  req: HttpRequestLike,
  url: URL,
  service: QueryService,
  actionName: string,
  caller: ApiCaller,
  input: Record<string, unknown>,
  ctx: RequestContext,
): Promise<void> {
  const { resourceArn, context } = await iamAuthorizationInput(actionName, input, caller.accountId, caller.arn);
  try {
    await authorizeApiCall(
      caller,
      `${service.name}:${actionName}`,
      resourceArn,
      { ...requestEnv(req, url, caller.region), keys: context },
    );
  } catch (e) {
    if (e instanceof AccessDeniedError)
      await auditRefusal(ctx, actionName, resourceArn, e.code, [e.reason, ...explainDecision(e.decision)].join(" "));
    throw e;
  }
}

/** The transport's part of the request context; the client address is the one scripts/server.ts vouched for. */
function requestEnv(req: HttpRequestLike, url: URL, region: string | undefined): RequestEnv {
  return {
    region,
    secureTransport: url.protocol === "https:",
    sourceIp: req.headers.get("x-forwarded-for")?.split(",")[0].trim() || undefined,
    cachesSynced: true,
  };
}

function xmlAnswer(xml: string, status: number, requestId: string): HttpAnswer {
  return { status, headers: { "content-type": "text/xml", "x-amzn-requestid": requestId }, body: xml };
}

function toXmlError(e: unknown): { error: XmlError; status: number } {
  if (isAwsError(e)) return { error: { code: e.code, message: e.message, type: e.type }, status: e.status };
  if (e instanceof ProtocolError) return { error: e, status: e.status };
  console.error("AWS API request failed", e);
  return {
    error: {
      code: "ServiceFailure",
      message: "The request processing has failed because of an unknown error, exception or failure.",
      type: "Receiver",
    },
    status: 500,
  };
}

/**
 * Reading order matters here: the body is bounded and the parameters counted before anything else, the signature
 * is verified before the parameters are nested and validated, and only then does the action run.
 */
export async function answerAwsRequest(req: HttpRequestLike): Promise<HttpAnswer> {
  const requestId = newRequestId();
  let namespace = DEFAULT_NAMESPACE;
  try {
    const url = req.url;
    const body = await req.readBody(QUERY_LIMITS.bodyBytes);
    // Cached keys, principals and sessions are valid for one store version: a change anywhere is seen from here on.
    await syncCaches();
    const flat = readFlatParams(url, body, req.headers.get("content-type"));
    const named: Named = { action: flat.get("Action"), version: flat.get("Version") };

    const unsigned = isSigned(req, url) ? null : unsignedAction(named);
    let service: QueryService;
    let action: QueryAction;
    let caller: ApiCaller | undefined;
    if (unsigned) {
      ({ service, action } = unsigned);
      namespace = service.namespace;
    } else {
      ({ caller, service } = await authenticate(req, url, body));
      namespace = service.namespace;
      action = findAction(service, named);
    }
    const query = nestParams(flat);

    const ctx = { accountId: caller?.accountId ?? "", actor: caller?.arn ?? "anonymous", source: "api" as const, requestId };
    const authorizeAs = caller && ((name: string, input: Record<string, unknown>) => authorizeCall(req, url, service, name, caller, input, ctx));
    const authorize = authorizeAs && ((input: Record<string, unknown>) => authorizeAs(named.action!, input));
    const env = requestEnv(req, url, caller?.region);
    const result = await action.handle({ ctx, caller, authorize, authorizeAlso: authorizeAs, env }, query.input);
    return xmlAnswer(renderResponse(named.action!, namespace, result, requestId), 200, requestId);
  } catch (e) {
    const { error, status } = toXmlError(e);
    return xmlAnswer(renderError(error, namespace, requestId), status, requestId);
  }
}

/** The same endpoint behind Next's route handler (`next dev`, and any deployment that does not use scripts/server.ts). */
export async function handleAwsRequest(req: Request): Promise<Response> {
  const answer = await answerAwsRequest({
    method: req.method,
    url: new URL(req.url),
    headers: req.headers as HeaderReader,
    readBody: (limit) => readBoundedBody(req, limit),
  });
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
