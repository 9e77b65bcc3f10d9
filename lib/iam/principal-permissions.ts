import { getDb, type Tx } from "@/lib/db/client";
import { findPolicyByArn } from "@/lib/db/policies";
import * as tables from "@/lib/db/principal-tables";
import { AwsError } from "@/lib/domain/errors";
import { slicePage, type PageRequest } from "@/lib/domain/paging";
import { iamAction, principalMessages, type PrincipalRules } from "@/lib/domain/principal-kinds";
import type { Tag } from "@/lib/domain/schemas";
import { policySize } from "@/lib/policy";
import { auditedChange } from "./audit";
import { resolveAttachablePolicy, resolveBoundary } from "./boundaries";
import type { RequestContext } from "./context";
import { assertPolicyAccepted } from "./policy-documents";
import { assertUniqueTagKeys, mergeTags, removeTags } from "./tags";

/** What every policy-holding principal has, as its kind's store finds it by name; groups have no tags or boundary. */
export interface PolicyHolder {
  id: string;
  name: string;
  arn: string;
  tags?: Tag[];
  permissionsBoundaryArn?: string | null;
}

/** A principal kind: its AWS rules and how to find one of its principals by name. */
export interface PrincipalStore<P extends PolicyHolder> {
  rules: PrincipalRules;
  find(tx: Tx, accountId: string, name: string): Promise<P | null>;
  /** True for a principal only AWS may change (a service-linked role). */
  isProtected?(p: P): boolean;
}

/**
 * The inline, managed, boundary and tag operations of a principal kind, written once for every kind
 * (PutRolePolicy and PutUserPolicy, TagRole and TagUser, …). Each change runs in one transaction with one
 * audit event named for AWS's action; a refusal changes nothing.
 */
export function principalPermissions<P extends PolicyHolder>(store: PrincipalStore<P>) {
  const { rules } = store;
  const kind = rules.kind;

  async function requirePrincipal(tx: Tx, accountId: string, name: string): Promise<P> {
    const found = await store.find(tx, accountId, name);
    if (!found) throw new AwsError("NoSuchEntity", principalMessages.notFound(rules, name));
    return found;
  }

  /** Audit target for a principal named by the caller: its ARN when it exists (looked up after the change). */
  const target = (ctx: RequestContext, name: string) => async () => (await store.find(getDb(), ctx.accountId, name))?.arn ?? null;

  /** One audited change to an existing principal that its owner may change. */
  async function change<T>(ctx: RequestContext, action: string, name: string, run: (tx: Tx, p: P) => Promise<T>): Promise<T> {
    const done = await auditedChange(ctx, action, target(ctx, name), async (tx) => {
      const p = await requirePrincipal(tx, ctx.accountId, name);
      assertModifiable(p);
      return { arn: p.arn, result: await run(tx, p) };
    }, (d) => d.arn);
    return done.result;
  }

  /**
   * Service-linked roles belong to their service: IAM refuses every change but the description with
   * UnmodifiableEntity. The one place that rule is checked, for the kind's own operations and for every other
   * change to a principal (trust policy, session duration, DeleteRole, instance profiles).
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/using-service-linked-roles.html
   */
  function assertModifiable(p: P): void {
    if (store.isProtected?.(p)) throw new AwsError("UnmodifiableEntity", principalMessages.protectedRole(p.name));
  }

  const read = async (ctx: RequestContext, name: string) => requirePrincipal(getDb(), ctx.accountId, name);

  /** Tags of a kind that has them; the Query API and the console offer tag operations only for such kinds. */
  function tagsOf(p: P): Tag[] {
    if (!rules.tags) throw new Error(`IAM ${kind}s have no tags`);
    return p.tags ?? [];
  }

  /**
   * Steps of a change that run inside a caller's transaction: the audited operations below use them, and so does
   * a larger change that must stay one transaction (the console's create role with its policies).
   */
  const steps = {
    async putPolicy(tx: Tx, accountId: string, p: PolicyHolder, policyName: string, document: string) {
      await assertPolicyAccepted(tx, document, "identity", accountId, { inline: true });
      // Inline policies share one size quota per principal, whitespace not counted (IAM quotas page).
      const others = (await tables.listInlinePolicies(tx, kind, p.id)).filter((q) => q.name !== policyName);
      const total = [...others.map((q) => q.document), document].reduce((n, d) => n + policySize(d), 0);
      if (total > rules.inlinePolicySizeQuota) throw new AwsError("LimitExceeded", principalMessages.inlineQuota(rules, p.name));
      await tables.putInlinePolicy(tx, kind, p.id, policyName, document);
    },

    async attachPolicy(tx: Tx, accountId: string, p: PolicyHolder, policyArn: string) {
      const policy = await resolveAttachablePolicy(tx, accountId, policyArn);
      const attached = await tables.listAttachedPolicies(tx, kind, p.id);
      if (!attached.some((a) => a.policyArn === policy.arn) && attached.length >= rules.managedPolicyQuota)
        throw new AwsError("LimitExceeded", principalMessages.managedQuota(rules));
      await tables.attachPolicy(tx, kind, p.id, policy.id);
    },
  };

  return {
    rules,
    requirePrincipal,
    // A method, so a role's operations still count as any principal's (method parameters are bivariant).
    assertModifiable(p: P): void {
      assertModifiable(p);
    },
    target,
    steps,

    putPolicy: (ctx: RequestContext, name: string, policyName: string, document: string) =>
      change(ctx, iamAction(rules, "Put", "Policy"), name, (tx, p) => steps.putPolicy(tx, ctx.accountId, p, policyName, document)),

    async getPolicy(ctx: RequestContext, name: string, policyName: string) {
      const p = await read(ctx, name);
      const found = (await tables.listInlinePolicies(getDb(), kind, p.id)).find((q) => q.name === policyName);
      if (!found) throw new AwsError("NoSuchEntity", principalMessages.inlinePolicyNotFound(rules, policyName));
      return { principalName: p.name, name: found.name, document: found.document };
    },

    listInlinePolicies: async (ctx: RequestContext, name: string) => tables.listInlinePolicies(getDb(), kind, (await read(ctx, name)).id),

    listPolicyNames: async (ctx: RequestContext, name: string, page: PageRequest = {}) =>
      slicePage((await tables.listInlinePolicies(getDb(), kind, (await read(ctx, name)).id)).map((q) => q.name), page),

    deletePolicy: (ctx: RequestContext, name: string, policyName: string) =>
      change(ctx, iamAction(rules, "Delete", "Policy"), name, async (tx, p) => {
        if (!(await tables.deleteInlinePolicy(tx, kind, p.id, policyName)))
          throw new AwsError("NoSuchEntity", principalMessages.inlinePolicyNotFound(rules, policyName));
      }),

    attachPolicy: (ctx: RequestContext, name: string, policyArn: string) =>
      change(ctx, iamAction(rules, "Attach", "Policy"), name, (tx, p) => steps.attachPolicy(tx, ctx.accountId, p, policyArn)),

    /** A policy that is not attached, or does not exist, is NoSuchEntity in IAM's words, whatever the kind. */
    detachPolicy: (ctx: RequestContext, name: string, policyArn: string) =>
      change(ctx, iamAction(rules, "Detach", "Policy"), name, async (tx, p) => {
        const policy = await findPolicyByArn(tx, policyArn);
        if (!policy || !(await tables.detachPolicy(tx, kind, p.id, policy.id)))
          throw new AwsError("NoSuchEntity", `Policy ${policyArn} was not found.`);
      }),

    async listAttachedPolicies(ctx: RequestContext, name: string, o: PageRequest & { pathPrefix?: string } = {}) {
      const attached = await tables.listAttachedPolicies(getDb(), kind, (await read(ctx, name)).id);
      return slicePage(attached.filter((a) => !o.pathPrefix || a.path.startsWith(o.pathPrefix)), o);
    },

    putBoundary: (ctx: RequestContext, name: string, arn: string) =>
      change(ctx, iamAction(rules, "Put", "PermissionsBoundary"), name, async (tx, p) =>
        tables.setBoundary(tx, kind, p.id, await resolveBoundary(tx, ctx.accountId, arn)),
      ),

    deleteBoundary: (ctx: RequestContext, name: string) =>
      change(ctx, iamAction(rules, "Delete", "PermissionsBoundary"), name, (tx, p) => tables.setBoundary(tx, kind, p.id, null)),

    tag: (ctx: RequestContext, name: string, tags: Tag[]) =>
      change(ctx, iamAction(rules, "Tag"), name, (tx, p) => tables.replaceTags(tx, kind, p.id, mergeTags(tagsOf(p), tags, principalMessages.tagQuota(rules)))),

    untag: (ctx: RequestContext, name: string, keys: string[]) =>
      change(ctx, iamAction(rules, "Untag"), name, (tx, p) => tables.replaceTags(tx, kind, p.id, removeTags(tagsOf(p), keys))),

    /**
     * The console's tag editor saves the whole set: one change, recorded as Tag<noun> (Untag<noun> when it
     * clears every tag). Returns the tags as saved.
     */
    replaceTags: (ctx: RequestContext, name: string, tags: Tag[]) =>
      change(ctx, iamAction(rules, tags.length ? "Tag" : "Untag"), name, async (tx, p) => {
        assertUniqueTagKeys(tags);
        await tables.replaceTags(tx, kind, p.id, tags);
        return tags;
      }),

    listTags: async (ctx: RequestContext, name: string, page: PageRequest = {}) => slicePage(tagsOf(await read(ctx, name)), page),
  };
}

export type PrincipalPermissions = ReturnType<typeof principalPermissions<PolicyHolder>>;
