import { authorize, consoleRoute, json, noContent, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { deletePolicyWithVersions, getPolicyDocument, savePolicyDocument } from "@/lib/iam/policies";
import type { PolicyDetail } from "@/components/policies/policy-types";
import { resolvePolicy } from "../resolve-policy";
import { savePolicyDocumentBodySchema } from "../schemas";

type P = { name: string };

export const GET = consoleRoute<P>(async (req, { ctx, params }) => {
  const policy = await resolvePolicy(ctx, req, params.name);
  const detail: PolicyDetail = { ...policy, document: await getPolicyDocument(ctx, policy.arn) };
  return json(detail);
});

/** The console's edit: the document becomes a new default version (customer policies only; AWS's are refused). */
export const PUT = consoleRoute<P>(async (req, { session, ctx, params }) => {
  const { PolicyDocument } = await parseJson(req, savePolicyDocumentBodySchema);
  authorize(canMutate(session));
  const policy = await resolvePolicy(ctx, req, params.name);
  return json(await savePolicyDocument(ctx, policy.arn, PolicyDocument));
});

/** Deletes the policy and its old versions; refused with DeleteConflict while attached or used as a boundary. */
export const DELETE = consoleRoute<P>(async (req, { session, ctx, params }) => {
  authorize(canMutate(session));
  const policy = await resolvePolicy(ctx, req, params.name);
  await deletePolicyWithVersions(ctx, policy.arn);
  return noContent();
});
