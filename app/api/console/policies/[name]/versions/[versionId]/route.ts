import { authorize, consoleRoute, json, noContent, parseValue } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deletePolicyVersion, getPolicyVersion, setDefaultPolicyVersion } from "@/lib/iam/policies";
import { resolvePolicy } from "../../../resolve-policy";
import { versionIdSchema } from "../../../schemas";

type P = { name: string; versionId: string };

export const GET = consoleRoute<P>(async (req, { ctx, params }) => {
  const versionId = parseValue(versionIdSchema, params.versionId);
  const policy = await resolvePolicy(ctx, req, params.name);
  return json(await getPolicyVersion(ctx, policy.arn, versionId));
});

/** Makes this version the default (SetDefaultPolicyVersion). */
export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const versionId = parseValue(versionIdSchema, params.versionId);
  authorize(canMutate(session));
  const policy = await resolvePolicy(ctx, req, params.name);
  await setDefaultPolicyVersion(ctx, policy.arn, versionId);
  return noContent();
});

export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const versionId = parseValue(versionIdSchema, params.versionId);
  authorize(canMutate(session));
  const policy = await resolvePolicy(ctx, req, params.name);
  await deletePolicyVersion(ctx, policy.arn, versionId);
  return noContent();
});
