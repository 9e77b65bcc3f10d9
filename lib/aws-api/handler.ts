import { findSigningKey, recordAccessKeyUse, type SigningKey } from "@/lib/iam/access-keys";
import { AccessDeniedError, authorizeApiCall, iamAuthorizationInput } from "@/lib/iam/authorize";
import { auditRefusal } from "@/lib/iam/audit";
import type { RequestContext } from "@/lib/iam/context";
import { explainDecision } from "@/lib/policy";
import { AwsError, isAwsError } from "@/lib/domain/errors";
import { newRequestId } from "@/lib/iam/ids";
import type { Caller, QueryAction, QueryService } from "./action";
import { iamService } from "./iam";
import { parseQueryParams, type QueryRequest } from "./query";
import { verifySigV4 } from "./sigv4";
import { renderError, renderResponse, type XmlError } from "./xml";

/**
 * The AWS Query endpoint at /api/aws: authenticate (SigV4), pick the service from the credential scope, parse the
 * action's parameters, call the core, answer in AWS's XML. Every refusal is AWS's error envelope with its status.
 * STS (2011-06-15) plugs in by adding its QueryService to SERVICES.
 */
export const SERVICES: QueryService[] = [iamService];

/** Protocol-level refusals whose codes the core never raises (https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html). */
class ProtocolError extends Error implements XmlError {
  readonly type = "Sender" as const;
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

const DEFAULT_NAMESPACE = iamService.namespace;

function readParams(url: URL, body: Uint8Array, contentType: string | null): URLSearchParams {
  const params = new URLSearchParams(url.search);
  const formBody = contentType === null || contentType.toLowerCase().startsWith("application/x-www-form-urlencoded");
  if (formBody && body.length > 0)
    for (const [k, v] of new URLSearchParams(new TextDecoder().decode(body))) params.set(k, v);
  return params;
}

function findAction(service: QueryService, query: QueryRequest): QueryAction {
  if (!query.action) throw new ProtocolError("MissingAction", "The request is missing an action or a required parameter.");
  const found = Object.hasOwn(service.actions, query.action) ? service.actions[query.action] : undefined;
  if (!found || query.version !== service.version)
    throw new AwsError(
      "InvalidAction",
      `Could not find operation ${query.action} for version ${query.version ?? "NO_VERSION_SPECIFIED"}`,
    );
  return found;
}

/** Actions AWS serves without a signature (STS web-identity and SAML federation), found by their Version. */
function unsignedAction(query: QueryRequest): { service: QueryService; action: QueryAction } | null {
  const service = SERVICES.find((s) => s.version === query.version);
  const candidate = service && query.action && Object.hasOwn(service.actions, query.action) ? service.actions[query.action] : null;
  return service && candidate?.unsigned ? { service, action: candidate } : null;
}

function isSigned(req: Request, url: URL): boolean {
  return req.headers.has("authorization") || url.searchParams.has("X-Amz-Signature") || url.searchParams.has("X-Amz-Credential");
}

async function authenticate(req: Request, url: URL, body: Uint8Array): Promise<{ caller: Caller; service: QueryService }> {
  const verified = await verifySigV4<SigningKey>(
    { method: req.method, url, headers: req.headers, body },
    {
      // Long-term (AKIA) keys never carry a session token; AWS refuses one sent with them as an invalid token.
      // Temporary (ASIA) credentials from STS will be looked up here by key and token.
      lookup: (id, sessionToken) => (sessionToken ? Promise.resolve(null) : findSigningKey(id)),
      services: SERVICES.map((s) => s.name),
    },
  );
  const service = SERVICES.find((s) => s.name === verified.service)!;
  try {
    await recordAccessKeyUse(verified.key, verified.service, verified.region);
  } catch (e) {
    // Last-used tracking is best effort; it must never fail the caller's request.
    console.error("recordAccessKeyUse failed", e instanceof Error ? e.message : e);
  }
  const { key } = verified;
  return {
    service,
    caller: {
      accountId: key.accountId,
      arn: key.userArn,
      userName: key.userName,
      userId: key.userId,
      accessKeyId: key.accessKeyId,
      region: verified.region,
    },
  };
}

/**
 * IAM evaluates the caller's identity policies and permissions boundary for every call
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html). A refusal is
 * recorded in the audit trail with the evaluator's explanation.
 */
async function authorizeCall(
  req: Request,
  url: URL,
  service: QueryService,
  actionName: string,
  caller: Caller,
  input: Record<string, unknown>,
  ctx: RequestContext,
): Promise<void> {
  const { resourceArn, context } = await iamAuthorizationInput(actionName, input, caller.accountId, caller.arn);
  try {
    await authorizeApiCall(
      { accountId: caller.accountId, arn: caller.arn, userId: caller.userId, type: "user" },
      `${service.name}:${actionName}`,
      resourceArn,
      {
        region: caller.region,
        secureTransport: url.protocol === "https:",
        sourceIp: req.headers.get("x-forwarded-for")?.split(",")[0].trim(),
        keys: context,
      },
    );
  } catch (e) {
    if (e instanceof AccessDeniedError)
      await auditRefusal(ctx, actionName, resourceArn, e.code, [e.message, ...explainDecision(e.decision)].join(" "));
    throw e;
  }
}

function xmlResponse(xml: string, status: number, requestId: string): Response {
  return new Response(xml, {
    status,
    headers: { "content-type": "text/xml", "x-amzn-requestid": requestId },
  });
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

export async function handleAwsRequest(req: Request): Promise<Response> {
  const requestId = newRequestId();
  let namespace = DEFAULT_NAMESPACE;
  try {
    const url = new URL(req.url);
    const body = new Uint8Array(await req.arrayBuffer());
    const query = parseQueryParams(readParams(url, body, req.headers.get("content-type")));

    const unsigned = isSigned(req, url) ? null : unsignedAction(query);
    let service: QueryService;
    let action: QueryAction;
    let caller: Caller | undefined;
    if (unsigned) {
      ({ service, action } = unsigned);
      namespace = service.namespace;
    } else {
      ({ caller, service } = await authenticate(req, url, body));
      namespace = service.namespace;
      action = findAction(service, query);
    }

    const ctx = { accountId: caller?.accountId ?? "", actor: caller?.arn ?? "anonymous", source: "api" as const, requestId };
    const authorize = caller ? (input: Record<string, unknown>) => authorizeCall(req, url, service, query.action!, caller, input, ctx) : undefined;
    const result = await action.handle({ ctx, caller, authorize }, query.input);
    return xmlResponse(renderResponse(query.action!, namespace, result, requestId), 200, requestId);
  } catch (e) {
    const { error, status } = toXmlError(e);
    return xmlResponse(renderError(error, namespace, requestId), status, requestId);
  }
}
