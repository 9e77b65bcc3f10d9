import { createCipheriv, createDecipheriv } from "node:crypto";
import { deflateRawSync, inflateRawSync } from "node:zlib";
import { randomBytesPooled } from "@/lib/crypto/random";
import { derivedKey } from "@/lib/crypto/secrets";
import { AwsError } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import { explainDecision, type ConditionCheck, type ContextValue, type Decision, type EvaluationRequest, type StatementReason } from "@/lib/policy";

/**
 * AWS's encoded authorization messages: an AccessDenied carries `Encoded authorization failure message: …`, and STS
 * DecodeAuthorizationMessage (which needs sts:DecodeAuthorizationMessage) returns the evaluator's explanation as
 * JSON in AWS's documented shape — whether it was allowed, an explicit deny, the statements that matched, the
 * failures, and the request's context (principal, action, resource, condition values).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_DecodeAuthorizationMessage.html
 *
 * The message is opaque and tamper-evident, like a session token: deflated JSON sealed with AES-256-GCM under a key
 * derived for this purpose, with the principal's account as additional authenticated data, so only a principal of
 * the same account can decode it and a changed bit does not open. Roleplane adds its plain-words explanation
 * (`roleplaneExplanation`), beyond AWS's fields.
 */

const FORMAT = 1;
const LABEL = "sts/authorization-message/v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

let key: Buffer | undefined;
const messageKey = () => (key ??= derivedKey(LABEL));
const aad = (accountId: string) => Buffer.from(`roleplane-authorization-message:${accountId}`, "utf8");

interface Items<T> {
  items: T[];
}
const items = <T>(list: T[]): Items<T> => ({ items: list });
const values = (list: string[]) => items(list.map((value) => ({ value })));

/** The decoded message, in the shape AWS documents (its examples wrap every list in `{items: […]}`). */
export interface DecodedAuthorizationMessage {
  allowed: boolean;
  explicitDeny: boolean;
  matchedStatements: Items<{
    statementId: string;
    effect: "ALLOW" | "DENY";
    principals: Items<{ value: string }>;
    principalGroups: Items<{ value: string }>;
    actions: Items<{ value: string }>;
    resources: Items<{ value: string }>;
    conditions: Items<{ key: string; values: Items<{ value: string }> }>;
  }>;
  failures: Items<{ message: string }>;
  context: {
    principal: { id?: string; name?: string; arn: string };
    action: string;
    resource: string;
    conditions: Items<{ key: string; values: Items<{ value: string }> }>;
  };
  roleplaneExplanation: string[];
}

const statementId = (s: StatementReason) =>
  `${s.sid ?? `Statement[${s.statementIndex}]`} in ${s.policy.arn ?? s.policy.name ?? s.policy.type} (${s.policy.type})`;

function matchedStatement(s: StatementReason): DecodedAuthorizationMessage["matchedStatements"]["items"][number] {
  return {
    statementId: statementId(s),
    effect: s.effect === "Deny" ? "DENY" : "ALLOW",
    principals: values(s.principal?.pattern ? [s.principal.pattern] : []),
    principalGroups: items([]),
    actions: values(s.action.pattern ? [s.action.pattern] : []),
    resources: values(s.resource?.pattern ? [s.resource.pattern] : []),
    conditions: items(s.conditions.map((c: ConditionCheck) => ({ key: `${c.operator}:${c.key}`, values: values(c.policyValues) }))),
  };
}

const contextValues = (v: ContextValue) => (Array.isArray(v) ? v.map(String) : [String(v)]);

/** The decoded form of a decision on a request. */
export function authorizationMessage(request: EvaluationRequest, decision: Decision, principalName?: string): DecodedAuthorizationMessage {
  const statements = decision.reasons.filter((r): r is StatementReason => r.kind === "statement" && r.applies);
  const deciding = decision.decision === "ExplicitlyDenied" ? statements.filter((s) => s.effect === "Deny") : statements;
  const p = request.principal;
  return {
    allowed: decision.decision === "Allowed",
    explicitDeny: decision.decision === "ExplicitlyDenied",
    matchedStatements: items(deciding.map(matchedStatement)),
    failures: items(decision.reasons.flatMap((r) => (r.kind === "unreadable" ? [{ message: r.message }] : []))),
    context: {
      principal: { id: p.id, name: principalName, arn: p.arn },
      action: request.action,
      resource: request.resource,
      conditions: items(Object.entries(request.context ?? {}).map(([k, v]) => ({ key: k, values: values(contextValues(v)) }))),
    },
    roleplaneExplanation: explainDecision(decision),
  };
}

/** The decoded form of a refusal that no evaluation decided (no such role, a failed MFA code, …). */
export function refusalMessage(request: EvaluationRequest, failures: string[], principalName?: string): DecodedAuthorizationMessage {
  const p = request.principal;
  return {
    allowed: false,
    explicitDeny: false,
    matchedStatements: items([]),
    failures: items(failures.map((message) => ({ message }))),
    context: { principal: { id: p.id, name: principalName, arn: p.arn }, action: request.action, resource: request.resource, conditions: items([]) },
    roleplaneExplanation: failures,
  };
}

function seal(message: DecodedAuthorizationMessage, accountId: string): string {
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", messageKey(), iv);
  cipher.setAAD(aad(accountId));
  const body = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(message))), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), body]).toString("base64url");
}

/**
 * The encoded message for a refusal, within DecodeAuthorizationMessage's 10,240 characters: a very long
 * explanation loses its tail first, then the plain-words lines.
 */
export function encodeAuthorizationMessage(message: DecodedAuthorizationMessage, accountId: string): string {
  let m = message;
  for (let keep = m.roleplaneExplanation.length; ; keep = Math.floor(keep / 2)) {
    const sealed = seal(m, accountId);
    if (sealed.length <= LIMITS.encodedAuthorizationMessage.max || keep === 0) return sealed;
    m = { ...m, roleplaneExplanation: m.roleplaneExplanation.slice(0, keep), matchedStatements: items(m.matchedStatements.items.slice(0, keep)) };
  }
}

/** STS's error for a message that does not open (changed, truncated, or from another account). */
export const invalidAuthorizationMessage = () =>
  new AwsError("InvalidAuthorizationMessageException", "The message is invalid or has expired, or it was not issued to this account.", 400);

export function decodeAuthorizationMessage(encoded: string, accountId: string): DecodedAuthorizationMessage {
  const raw = /^[A-Za-z0-9_-]+$/.test(encoded) ? Buffer.from(encoded, "base64url") : Buffer.alloc(0);
  if (raw.length < 1 + IV_BYTES + TAG_BYTES + 1 || raw[0] !== FORMAT) throw invalidAuthorizationMessage();
  try {
    const decipher = createDecipheriv("aes-256-gcm", messageKey(), raw.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aad(accountId));
    decipher.setAuthTag(raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const body = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(inflateRawSync(body).toString("utf8")) as DecodedAuthorizationMessage;
  } catch {
    throw invalidAuthorizationMessage();
  }
}

/** AWS's suffix on an AccessDenied message, as some services (EC2, …) send it. */
export const withEncodedMessage = (message: string, encoded: string) => `${message} Encoded authorization failure message: ${encoded}`;
