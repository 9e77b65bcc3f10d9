import { AwsError, clip } from "@/lib/domain/errors";
import { LIMITS } from "@/lib/domain/limits";
import type { ContextEntry, ContextKeyType } from "@/lib/domain/simulation-schemas";
import { checkPolicyForIam, compilePolicy, type ContextValue } from "@/lib/policy";
import { parseCidr } from "@/lib/policy/condition-values";
import { toEpochMillis } from "@/lib/policy/conditions";

/**
 * The checks IAM's simulator makes on its input before it evaluates anything, each refused with `InvalidInput`
 * (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html#API_SimulateCustomPolicy_Errors),
 * and the context entries turned into the request context the evaluator reads.
 */

export const invalid = (message: string) => new AwsError("InvalidInput", message);
const IDENTITY_CONTEXT = { isHeldAccount: () => false, principalExists: () => false, inlinePolicy: true };

/** "Each operation must include the service identifier", and the simulator takes no wildcards in action names. */
export function checkActionNames(actions: string[]): void {
  if (actions.length === 0) throw invalid("ActionNames must name at least one action.");
  for (const a of actions) {
    if (!/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/.test(a)) throw invalid(`Action ${clip(a, 128)} must be a service prefix and an action name, e.g. iam:CreateUser.`);
    if (/[*?]/.test(a)) throw invalid(`Action ${clip(a, 128)} has a wildcard; the simulator evaluates named actions only.`);
  }
}

/** PolicyInputList.N and PermissionsBoundaryPolicyInputList.N: identity-policy grammar, as IAM reads them. */
export function checkInputPolicies(member: string, documents: string[]): void {
  documents.forEach((d, i) => {
    const rejection = checkPolicyForIam(d, "identity", IDENTITY_CONTEXT);
    if (rejection) throw invalid(`${member}.${i + 1}: ${rejection.message}`);
  });
}

/**
 * A ResourcePolicy must be JSON; one that is JSON but not a policy document cannot be evaluated, which AWS answers
 * with PolicyEvaluation ("a provided policy could not be successfully evaluated").
 */
export function checkResourcePolicy(document: string): void {
  const compiled = compilePolicy(document);
  if (compiled.error?.startsWith("The policy is not valid JSON")) throw invalid(`ResourcePolicy: ${compiled.error}`);
  if (compiled.error) throw new AwsError("PolicyEvaluation", `ResourcePolicy could not be evaluated: ${compiled.error}`);
}

/** `arn:aws:iam::ACCOUNT:root`, as ResourceOwner takes an account. */
export function accountOfOwner(owner: string): string {
  const m = /^arn:aws:iam::(\d{12}):root$/.exec(owner);
  if (!m) throw invalid(`ResourceOwner ${clip(owner)} must be an account ARN, arn:aws:iam::ACCOUNT-ID:root.`);
  return m[1];
}

/** CallerArn: "You can specify only the ARN of an IAM user." */
export function checkCallerArn(arn: string): { accountId: string } {
  const m = /^arn:aws:iam::(\d{12}):user(\/(?:[\u0021-\u007E]*\/)?)[\w+=,.@-]+$/.exec(arn);
  if (!m) throw invalid(`CallerArn ${clip(arn)} must be the ARN of an IAM user; assumed roles, federated users and service principals cannot be callers.`);
  return { accountId: m[1] };
}

/** The EC2 scenarios of ResourceHandlingOption and the resource types each needs among ResourceArns. */
const SCENARIOS: Record<string, string[]> = {
  "EC2-VPC-InstanceStore": ["instance", "image", "security-group", "network-interface"],
  "EC2-VPC-InstanceStore-Subnet": ["instance", "image", "security-group", "network-interface", "subnet"],
  "EC2-VPC-EBS": ["instance", "image", "security-group", "network-interface", "volume"],
  "EC2-VPC-EBS-Subnet": ["instance", "image", "security-group", "network-interface", "subnet", "volume"],
};

export function checkResourceHandling(option: string, resources: string[]): void {
  const needed = SCENARIOS[option];
  if (!needed) throw invalid(`ResourceHandlingOption ${clip(option, 64)} is not one of ${Object.keys(SCENARIOS).join(", ")}.`);
  const missing = needed.filter((t) => !resources.some((r) => new RegExp(`^arn:[^:]+:ec2:[^:]*:[^:]*:${t}/`).test(r)));
  if (missing.length > 0) throw invalid(`ResourceHandlingOption ${option} needs a resource of each type: ${missing.join(", ")} missing from ResourceArns.`);
}

export function checkEvaluationCount(actions: number, resources: number): void {
  if (actions * resources > LIMITS.simulationEvaluations)
    throw invalid(`The simulation asks for ${actions} actions on ${resources} resources; Roleplane evaluates at most ${LIMITS.simulationEvaluations} pairs in one call.`);
}

const SCALAR_CHECKS: Record<string, { test: (v: string) => boolean; what: string }> = {
  string: { test: () => true, what: "a string" },
  numeric: { test: (v) => /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim()), what: "a number" },
  boolean: { test: (v) => /^(true|false)$/i.test(v), what: "true or false" },
  date: { test: (v) => toEpochMillis(v) !== undefined, what: "an ISO 8601 date or epoch seconds" },
  ip: { test: (v) => parseCidr(v.trim()) !== undefined, what: "an IP address or CIDR range" },
  binary: { test: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v) && v.length % 4 === 0, what: "base64" },
};

/** One entry's value as the request context carries it: a list for the `…List` types, text otherwise. */
function entryValue(e: ContextEntry): ContextValue {
  const list = e.ContextKeyType.endsWith("List");
  const scalar = (list ? e.ContextKeyType.slice(0, -"List".length) : e.ContextKeyType) as Exclude<ContextKeyType, `${string}List`>;
  const check = SCALAR_CHECKS[scalar];
  for (const v of e.ContextKeyValues) {
    if (!check.test(v)) throw invalid(`Context key ${clip(e.ContextKeyName, 256)} is of type ${e.ContextKeyType}: ${clip(v, 128)} is not ${check.what}.`);
  }
  const values = scalar === "boolean" ? e.ContextKeyValues.map((v) => v.toLowerCase()) : e.ContextKeyValues;
  if (list) return values;
  if (values.length !== 1) throw invalid(`Context key ${clip(e.ContextKeyName, 256)} is of type ${e.ContextKeyType} and takes exactly one value; use ${e.ContextKeyType}List for several.`);
  return values[0];
}

/** The request context of a simulation's ContextEntries (a key given twice keeps its last entry, ignoring case). */
export function contextOfEntries(entries: ContextEntry[]): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  const names = new Map<string, string>();
  for (const e of entries) {
    const lower = e.ContextKeyName.toLowerCase();
    const previous = names.get(lower);
    if (previous !== undefined) delete out[previous];
    names.set(lower, e.ContextKeyName);
    // Defined, not assigned: a key named `__proto__` is a key like any other, not the object's prototype.
    Object.defineProperty(out, e.ContextKeyName, { value: entryValue(e), enumerable: true, configurable: true, writable: true });
  }
  return out;
}
