import { authorize, consoleRoute, json, noContent, parseJson, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { readJsonBody } from "@/lib/http/json-body";
import { LIMITS, policyNameSchema } from "@/lib/domain/schemas";
import type { PrincipalKind } from "@/lib/domain/principal-kinds";
import { PERMISSIONS } from "@/lib/iam/principals";
import { assertUniqueTagKeys } from "@/lib/iam/tags";
import { attachPolicyBodySchema, boundaryBodySchema, putInlinePolicyBodySchema, replaceTagsBodySchema } from "./schemas";

/**
 * The console routes of a principal's permissions and tags, one handler per operation for every kind: the
 * route files under roles/[name]/ and users/[name]/ export these for their kind.
 */
type Named = { name: string };
type NamedPolicy = Named & { policyName: string };
const all = { maxItems: LIMITS.maxItems.max };

export function attachedPoliciesRoutes(kind: PrincipalKind) {
  const ops = PERMISSIONS[kind];
  return {
    GET: consoleRoute<Named>(async (_req, { ctx, params }) => json((await ops.listAttachedPolicies(ctx, params.name, all)).items)),

    POST: consoleRoute<Named>(async (req, { session, ctx, params }) => {
      const { PolicyArn } = await parseJson(req, attachPolicyBodySchema);
      authorize(canMutate(session));
      await ops.attachPolicy(ctx, params.name, PolicyArn);
      return noContent();
    }),

    DELETE: consoleRoute<Named>(async (req, { session, ctx, params }) => {
      const { PolicyArn } = parseValue(attachPolicyBodySchema, { PolicyArn: req.nextUrl.searchParams.get("arn") ?? undefined });
      authorize(canMutate(session));
      await ops.detachPolicy(ctx, params.name, PolicyArn);
      return noContent();
    }),
  };
}

export function inlinePoliciesRoutes(kind: PrincipalKind) {
  const ops = PERMISSIONS[kind];
  return { GET: consoleRoute<Named>(async (_req, { ctx, params }) => json(await ops.listInlinePolicies(ctx, params.name))) };
}

export function inlinePolicyRoutes(kind: PrincipalKind) {
  const ops = PERMISSIONS[kind];
  return {
    GET: consoleRoute<NamedPolicy>(async (_req, { ctx, params }) => {
      const { principalName, ...policy } = await ops.getPolicy(ctx, params.name, params.policyName);
      return json({ [`${kind}Name`]: principalName, ...policy });
    }),

    PUT: consoleRoute<NamedPolicy>(async (req, { session, ctx, params }) => {
      const body = (await readJsonBody(req)) as Record<string, unknown>;
      const input = parseValue(putInlinePolicyBodySchema, { ...body, PolicyName: params.policyName });
      authorize(canMutate(session));
      await ops.putPolicy(ctx, params.name, input.PolicyName, input.PolicyDocument);
      return noContent();
    }),

    DELETE: consoleRoute<NamedPolicy>(async (_req, { session, ctx, params }) => {
      const policyName = parseValue(policyNameSchema, params.policyName);
      authorize(canMutate(session));
      await ops.deletePolicy(ctx, params.name, policyName);
      return noContent();
    }),
  };
}

export function permissionsBoundaryRoutes(kind: PrincipalKind) {
  const ops = PERMISSIONS[kind];
  return {
    PUT: consoleRoute<Named>(async (req, { session, ctx, params }) => {
      const { PermissionsBoundary } = await parseJson(req, boundaryBodySchema);
      authorize(canMutate(session));
      await ops.putBoundary(ctx, params.name, PermissionsBoundary);
      return noContent();
    }),

    DELETE: consoleRoute<Named>(async (_req, { session, ctx, params }) => {
      authorize(canMutate(session));
      await ops.deleteBoundary(ctx, params.name);
      return noContent();
    }),
  };
}

export function tagsRoutes(kind: PrincipalKind) {
  const ops = PERMISSIONS[kind];
  return {
    GET: consoleRoute<Named>(async (_req, { ctx, params }) => json((await ops.listTags(ctx, params.name, all)).items)),

    /** The tag editor saves the whole set in one change; a save of no tags over none answers 204. */
    PUT: consoleRoute<Named>(async (req, { session, ctx, params }) => {
      const { Tags } = await parseJson(req, replaceTagsBodySchema);
      assertUniqueTagKeys(Tags);
      authorize(canMutate(session));
      const before = (await ops.listTags(ctx, params.name, all)).items;
      if (!Tags.length && !before.length) return noContent();
      return json(await ops.replaceTags(ctx, params.name, Tags));
    }),
  };
}
