import { getDb, type Tx } from "@/lib/db/client";
import * as repo from "@/lib/db/policies";
import { pageWindow } from "@/lib/domain/paging";
import { auditedChange } from "./audit";
import { customerPolicyArn, parsePolicyArn } from "./arn";
import type { RequestContext } from "./context";
import { AwsError } from "@/lib/domain/errors";
import { newUniqueId } from "./ids";
import { assertPolicyAccepted } from "./policy-documents";
import { LIMITS, type CreatePolicyInput } from "@/lib/domain/schemas";
import type { ManagedPolicy, PolicyVersion } from "@/lib/domain/types";
import type { PolicySort, SortOrder } from "@/lib/domain/list-sorts";
import { assertUniqueTagKeys } from "./tags";

/**
 * Managed policies: customer policies in an account, beside the read-only AWS-managed catalogue. Edits create
 * a new default version, keeping at most five (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-versioning.html).
 */

const policyNotFound = (arn: string) => new AwsError("NoSuchEntity", `Policy ${arn} was not found.`);

async function requirePolicy(tx: Tx, accountId: string, arn: string) {
  if (!parsePolicyArn(arn)) throw new AwsError("InvalidInput", `ARN ${arn} is not valid.`);
  const p = await repo.findPolicyByArn(tx, arn);
  if (!p || (p.scope !== "aws" && p.scope !== accountId)) throw policyNotFound(arn);
  return p;
}

async function requireCustomerPolicy(tx: Tx, accountId: string, arn: string) {
  const p = await requirePolicy(tx, accountId, arn);
  if (p.scope === "aws")
    throw new AwsError("UnmodifiableEntity", `Policy ${arn} is an AWS managed policy and cannot be modified.`);
  return p;
}

export async function createPolicy(ctx: RequestContext, input: CreatePolicyInput): Promise<ManagedPolicy> {
  const path = input.Path ?? "/";
  const arn = customerPolicyArn(ctx.accountId, path, input.PolicyName);
  return auditedChange(ctx, "CreatePolicy", arn, async (tx) => {
    assertUniqueTagKeys(input.Tags ?? []);
    if (await repo.findPolicyByName(tx, ctx.accountId, input.PolicyName))
      throw new AwsError("EntityAlreadyExists", `A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
    await assertPolicyAccepted(tx, input.PolicyDocument, "identity", ctx.accountId);
    const created = await repo.insertPolicy(tx, {
      id: newUniqueId("ANPA"),
      accountId: ctx.accountId,
      name: input.PolicyName,
      path,
      arn,
      description: input.Description ?? null,
      document: input.PolicyDocument,
      tags: input.Tags ?? [],
    });
    return repo.toManagedPolicy(tx, created, ctx.accountId);
  });
}

export async function getPolicy(ctx: RequestContext, arn: string): Promise<ManagedPolicy> {
  const db = getDb();
  return repo.toManagedPolicy(db, await requirePolicy(db, ctx.accountId, arn), ctx.accountId);
}

/**
 * Finds a policy by name, as the console's URLs name them: "aws" looks in the AWS-managed catalogue, "local" in
 * the account, and no scope tries the catalogue first. Names are unique per scope ignoring case, as in IAM.
 */
export async function getPolicyByName(ctx: RequestContext, name: string, scope?: "aws" | "local"): Promise<ManagedPolicy> {
  const db = getDb();
  const scopes = scope === "aws" ? ["aws"] : scope === "local" ? [ctx.accountId] : ["aws", ctx.accountId];
  for (const s of scopes) {
    const found = await repo.findPolicyByName(db, s, name);
    if (found) return repo.toManagedPolicy(db, found, ctx.accountId);
  }
  throw new AwsError("NoSuchEntity", `Policy ${name} was not found.`);
}

export async function getPolicyVersion(ctx: RequestContext, arn: string, versionId: string): Promise<PolicyVersion> {
  const db = getDb();
  const p = await requirePolicy(db, ctx.accountId, arn);
  const v = await repo.findVersion(db, p.id, versionId);
  if (!v) throw new AwsError("NoSuchEntity", `Policy ${arn} version ${versionId} does not exist or is not attachable.`);
  return v;
}

export async function listPolicies(
  ctx: RequestContext,
  o: {
    scope?: "All" | "AWS" | "Local";
    onlyAttached?: boolean;
    pathPrefix?: string;
    marker?: string;
    maxItems?: number;
    search?: string;
    sort?: PolicySort;
    order?: SortOrder;
  } = {},
) {
  const db = getDb();
  const page = await repo.listPolicyRecords(db, {
    accountId: ctx.accountId,
    scope: o.scope ?? "All",
    onlyAttached: o.onlyAttached,
    pathPrefix: o.pathPrefix,
    search: o.search,
    sort: o.sort,
    order: o.order,
    ...pageWindow(o),
  });
  return { ...page, items: await repo.toManagedPolicies(db, page.items, ctx.accountId) };
}

export async function deletePolicy(ctx: RequestContext, arn: string): Promise<void> {
  await auditedChange(ctx, "DeletePolicy", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    const summary = await repo.toManagedPolicy(tx, p, ctx.accountId);
    if (summary.attachmentCount > 0) throw new AwsError("DeleteConflict", "Cannot delete a policy attached to entities.");
    if (summary.permissionsBoundaryUsageCount > 0)
      throw new AwsError("DeleteConflict", "Cannot delete a policy that is used as a permissions boundary.");
    if ((await repo.listVersions(tx, p.id)).length > 1)
      throw new AwsError("DeleteConflict", "Cannot delete a policy with non-default versions. Delete the other versions first.");
    await repo.deletePolicyRow(tx, p.id);
  });
}

/** The console deletes the old versions with the policy, as the AWS console does. */
export async function deletePolicyWithVersions(ctx: RequestContext, arn: string): Promise<void> {
  await auditedChange(ctx, "DeletePolicy", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    const summary = await repo.toManagedPolicy(tx, p, ctx.accountId);
    if (summary.attachmentCount > 0) throw new AwsError("DeleteConflict", "Cannot delete a policy attached to entities.");
    if (summary.permissionsBoundaryUsageCount > 0)
      throw new AwsError("DeleteConflict", "Cannot delete a policy that is used as a permissions boundary.");
    await repo.deletePolicyRow(tx, p.id);
  });
}

export async function createPolicyVersion(ctx: RequestContext, arn: string, document: string, setAsDefault: boolean) {
  return auditedChange(ctx, "CreatePolicyVersion", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    await assertPolicyAccepted(tx, document, "identity", ctx.accountId);
    if ((await repo.listVersions(tx, p.id)).length >= LIMITS.policyVersions)
      throw new AwsError(
        "LimitExceeded",
        `A managed policy can have up to ${LIMITS.policyVersions} versions. Before you create a new version, you must delete an existing version.`,
      );
    return repo.insertVersion(tx, p.id, document, setAsDefault);
  });
}

/**
 * The console's "save as new default version": when five versions exist, the oldest non-default one is removed
 * first, as the AWS console offers.
 */
export async function savePolicyDocument(ctx: RequestContext, arn: string, document: string) {
  return auditedChange(ctx, "CreatePolicyVersion", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    await assertPolicyAccepted(tx, document, "identity", ctx.accountId);
    const versions = await repo.listVersions(tx, p.id);
    if (versions.length >= LIMITS.policyVersions) {
      const oldest = versions.filter((v) => !v.isDefault).at(-1);
      if (oldest) await repo.deleteVersionRow(tx, p.id, oldest.versionId);
    }
    return repo.insertVersion(tx, p.id, document, true);
  });
}

export async function listPolicyVersions(ctx: RequestContext, arn: string): Promise<PolicyVersion[]> {
  const db = getDb();
  return repo.listVersions(db, (await requirePolicy(db, ctx.accountId, arn)).id);
}

export async function deletePolicyVersion(ctx: RequestContext, arn: string, versionId: string) {
  await auditedChange(ctx, "DeletePolicyVersion", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    const v = await repo.findVersion(tx, p.id, versionId);
    if (!v) throw new AwsError("NoSuchEntity", `Policy ${arn} version ${versionId} does not exist or is not deletable.`);
    if (v.isDefault) throw new AwsError("DeleteConflict", "Cannot delete the default version of a policy.");
    await repo.deleteVersionRow(tx, p.id, versionId);
  });
}

export async function setDefaultPolicyVersion(ctx: RequestContext, arn: string, versionId: string) {
  await auditedChange(ctx, "SetDefaultPolicyVersion", arn, async (tx) => {
    const p = await requireCustomerPolicy(tx, ctx.accountId, arn);
    if (!(await repo.findVersion(tx, p.id, versionId)))
      throw new AwsError("NoSuchEntity", `Policy ${arn} version ${versionId} does not exist.`);
    await repo.setDefaultVersion(tx, p.id, versionId);
  });
}

export async function listEntitiesForPolicy(ctx: RequestContext, arn: string) {
  const db = getDb();
  const p = await requirePolicy(db, ctx.accountId, arn);
  return repo.listPolicyEntities(db, p.id, ctx.accountId);
}

export async function getPolicyDocument(ctx: RequestContext, arn: string): Promise<string> {
  const db = getDb();
  const p = await requirePolicy(db, ctx.accountId, arn);
  return (await repo.defaultDocument(db, p.id)) ?? "";
}
