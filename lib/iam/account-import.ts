import { getDb, type Tx } from "@/lib/db/client";
import { insertAuditEvent } from "@/lib/db/audit";
import { recordStoreChange } from "@/lib/db/store-changes";
import { bumpStoreVersion } from "@/lib/db/store-version";
import { inTransaction } from "@/lib/db/transaction";
import {
  findAwsManagedPolicyIds,
  findExistingEntities,
  writeImportedAccount,
  type ImportedAccount,
  type ImportedPolicy,
} from "@/lib/db/account-import";
import { authorizationDetailsFileSchema, type AuthorizationDetailsFile, type ImportedAccountSummary, type ImportStage } from "@/lib/domain/authorization-details-file";

export type { ImportedAccountSummary, ImportStage };

/**
 * Import of real accounts from the JSON `aws iam get-account-authorization-details` prints, so reviewers can analyse
 * what they run in AWS. Each account found in the files is written in one transaction with its entities' own ids,
 * ARNs, paths, dates, tags and versions; a file with any fault changes nothing, and the error names the entry.
 */

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}

export interface ImportSource {
  /** Shown in errors: the file name. */
  name: string;
  text: string;
}

const LIST_ENTRY_NAME: Record<string, string> = { UserDetailList: "UserName", GroupDetailList: "GroupName", RoleDetailList: "RoleName", Policies: "PolicyName" };

function where(path: readonly PropertyKey[], raw: unknown): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `${out ? "." : ""}${String(p)}`;
  const [list, index] = path;
  const entry = (raw as Record<string, unknown[]> | null)?.[String(list)]?.[Number(index)] as Record<string, unknown> | undefined;
  const name = entry?.[LIST_ENTRY_NAME[String(list)] ?? ""];
  return typeof name === "string" ? `${out} (${LIST_ENTRY_NAME[String(list)]} "${name}")` : out;
}

export function parseAuthorizationDetails(source: ImportSource): AuthorizationDetailsFile {
  let raw: unknown;
  try {
    raw = JSON.parse(source.text);
  } catch (err) {
    throw new ImportError(`${source.name}: not JSON (${(err as Error).message})`);
  }
  const parsed = authorizationDetailsFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportError(`${source.name}: ${where(issue.path, raw)}: ${issue.message}`);
  }
  return parsed.data;
}

const ARN = /^arn:aws:iam::(\d{12}|aws):(user|group|role|policy|instance-profile)(\/.*)$/;

/** The account an entity belongs to, checking that its ARN is the one its path and name make. */
function accountOf(file: string, entry: string, arn: string, kind: string, path: string, name: string): string {
  const m = ARN.exec(arn);
  if (!m || m[2] !== kind || m[3] !== `${path}${name}`) throw new ImportError(`${file}: ${entry}: Arn ${arn} is not the ARN of ${kind} ${path}${name}`);
  return m[1];
}

interface Draft extends ImportedAccount {
  /** Attachments by ARN, resolved to policy ids once every file is read. */
  attachments: { owner: { attachedPolicyIds: string[] }; arn: string; entry: string }[];
}

/** Groups every file's entities by account and checks what refers to what. Pure: no store access. */
function draftAccounts(sources: ImportSource[]): { accounts: Map<string, Draft>; awsPolicies: Map<string, ImportedPolicy> } {
  const accounts = new Map<string, Draft>();
  const awsPolicies = new Map<string, ImportedPolicy>();
  const account = (id: string) => {
    let a = accounts.get(id);
    if (!a) accounts.set(id, (a = { accountId: id, policies: [], users: [], groups: [], roles: [], attachments: [] }));
    return a;
  };
  const seen = new Set<string>();
  const once = (file: string, entry: string, arn: string) => {
    if (seen.has(arn)) throw new ImportError(`${file}: ${entry}: ${arn} appears more than once in the files`);
    seen.add(arn);
  };

  for (const source of sources) {
    const f = parseAuthorizationDetails(source);
    const file = source.name;
    f.Policies.forEach((p, i) => {
      const entry = `Policies[${i}] (PolicyName "${p.PolicyName}")`;
      const owner = accountOf(file, entry, p.Arn, "policy", p.Path, p.PolicyName);
      if (!p.PolicyVersionList.some((v) => v.VersionId === p.DefaultVersionId && v.IsDefaultVersion))
        throw new ImportError(`${file}: ${entry}: DefaultVersionId ${p.DefaultVersionId} is not a default version in PolicyVersionList`);
      const policy: ImportedPolicy = {
        id: p.PolicyId,
        accountId: owner === "aws" ? null : owner,
        scope: owner,
        name: p.PolicyName,
        path: p.Path,
        arn: p.Arn,
        description: p.Description ?? null,
        defaultVersionId: p.DefaultVersionId,
        isAttachable: p.IsAttachable ?? true,
        createdAt: p.CreateDate,
        updatedAt: p.UpdateDate ?? p.CreateDate,
        versions: p.PolicyVersionList.map((v) => ({ versionId: v.VersionId, document: v.Document, isDefault: v.IsDefaultVersion, createdAt: v.CreateDate })),
      };
      // The same AWS managed policy appears in every account's file that uses it: keep one.
      if (owner === "aws") return void awsPolicies.set(p.Arn, policy);
      once(file, entry, p.Arn);
      account(owner).policies.push(policy);
    });
    const groupIds = new Map<string, string>();
    f.GroupDetailList.forEach((g, i) => {
      const entry = `GroupDetailList[${i}] (GroupName "${g.GroupName}")`;
      const a = account(accountOf(file, entry, g.Arn, "group", g.Path, g.GroupName));
      once(file, entry, g.Arn);
      const group = { id: g.GroupId, name: g.GroupName, path: g.Path, arn: g.Arn, createdAt: g.CreateDate, inline: (g.GroupPolicyList ?? []).map((p) => ({ name: p.PolicyName, document: p.PolicyDocument })), attachedPolicyIds: [] };
      a.groups.push(group);
      groupIds.set(`${a.accountId}/${g.GroupName.toLowerCase()}`, g.GroupId);
      for (const p of g.AttachedManagedPolicies ?? []) a.attachments.push({ owner: group, arn: p.PolicyArn, entry: `${file}: ${entry}` });
    });
    f.UserDetailList.forEach((u, i) => {
      const entry = `UserDetailList[${i}] (UserName "${u.UserName}")`;
      const a = account(accountOf(file, entry, u.Arn, "user", u.Path, u.UserName));
      once(file, entry, u.Arn);
      const user = {
        id: u.UserId,
        name: u.UserName,
        path: u.Path,
        arn: u.Arn,
        createdAt: u.CreateDate,
        inline: (u.UserPolicyList ?? []).map((p) => ({ name: p.PolicyName, document: p.PolicyDocument })),
        attachedPolicyIds: [],
        permissionsBoundaryArn: u.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
        tags: u.Tags ?? [],
        groupIds: (u.GroupList ?? []).map((name) => {
          const id = groupIds.get(`${a.accountId}/${name.toLowerCase()}`);
          if (!id) throw new ImportError(`${file}: ${entry}: group ${name} is not in GroupDetailList`);
          return id;
        }),
      };
      a.users.push(user);
      for (const p of u.AttachedManagedPolicies ?? []) a.attachments.push({ owner: user, arn: p.PolicyArn, entry: `${file}: ${entry}` });
    });
    f.RoleDetailList.forEach((r, i) => {
      const entry = `RoleDetailList[${i}] (RoleName "${r.RoleName}")`;
      const a = account(accountOf(file, entry, r.Arn, "role", r.Path, r.RoleName));
      once(file, entry, r.Arn);
      const role = {
        id: r.RoleId,
        name: r.RoleName,
        path: r.Path,
        arn: r.Arn,
        createdAt: r.CreateDate,
        trustPolicy: r.AssumeRolePolicyDocument,
        inline: (r.RolePolicyList ?? []).map((p) => ({ name: p.PolicyName, document: p.PolicyDocument })),
        attachedPolicyIds: [],
        permissionsBoundaryArn: r.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
        // Service-linked roles live under /aws-service-role/<service principal>/.
        serviceLinkedService: /^\/aws-service-role\/([^/]+)\/$/.exec(r.Path)?.[1] ?? null,
        lastUsedAt: r.RoleLastUsed?.LastUsedDate ?? null,
        lastUsedRegion: r.RoleLastUsed?.Region ?? null,
        tags: r.Tags ?? [],
        instanceProfiles: (r.InstanceProfileList ?? []).map((p, j) => {
          const pEntry = `${entry}.InstanceProfileList[${j}]`;
          if (accountOf(file, pEntry, p.Arn, "instance-profile", p.Path, p.InstanceProfileName) !== a.accountId)
            throw new ImportError(`${file}: ${pEntry}: the instance profile is in another account than its role`);
          once(file, pEntry, p.Arn);
          return { id: p.InstanceProfileId, name: p.InstanceProfileName, path: p.Path, arn: p.Arn, createdAt: p.CreateDate, tags: p.Tags ?? [] };
        }),
      };
      a.roles.push(role);
      for (const p of r.AttachedManagedPolicies ?? []) a.attachments.push({ owner: role, arn: p.PolicyArn, entry: `${file}: ${entry}` });
    });
  }
  return { accounts, awsPolicies };
}

/**
 * Checks an account against the store and resolves its attachments to policy ids: nothing it writes may exist yet,
 * and every attached policy is one of its own, an AWS managed policy the store has, or one the files carry.
 * Returns the policies to write (its own and the AWS managed ones the store lacks).
 */
async function resolveAgainstStore(tx: Tx, draft: Draft, awsPolicies: Map<string, ImportedPolicy>, awsWritten: Set<string>): Promise<ImportedPolicy[]> {
  const ids = [...draft.policies, ...draft.users, ...draft.groups, ...draft.roles, ...draft.roles.flatMap((r) => r.instanceProfiles)];
  const taken = await findExistingEntities(tx, ids.map((e) => e.id), ids.map((e) => e.arn));
  if (taken.length)
    throw new ImportError(`account ${draft.accountId}: the store already holds ${taken.slice(0, 3).join(", ")}${taken.length > 3 ? ` and ${taken.length - 3} more` : ""}`);
  const local = new Map(draft.policies.map((p) => [p.arn, p.id]));
  const wantedAws = [...new Set(draft.attachments.map((a) => a.arn).filter((arn) => !local.has(arn)))];
  const stored = await findAwsManagedPolicyIds(tx, wantedAws);
  for (const a of draft.attachments) a.owner.attachedPolicyIds.length = 0;
  for (const a of draft.attachments) {
    const id = local.get(a.arn) ?? stored.get(a.arn) ?? awsPolicies.get(a.arn)?.id;
    if (!id) throw new ImportError(`${a.entry}: attached policy ${a.arn} is neither in the files' Policies nor in the store`);
    if (!a.owner.attachedPolicyIds.includes(id)) a.owner.attachedPolicyIds.push(id);
  }
  const newAws = wantedAws.filter((arn) => !stored.has(arn) && !awsWritten.has(arn)).map((arn) => awsPolicies.get(arn)!);
  return [...draft.policies, ...newAws];
}

function summaryOf(draft: Draft, policies: ImportedPolicy[]): ImportedAccountSummary {
  return {
    accountId: draft.accountId,
    users: draft.users.length,
    groups: draft.groups.length,
    roles: draft.roles.length,
    instanceProfiles: draft.roles.reduce((n, r) => n + r.instanceProfiles.length, 0),
    policies: draft.policies.length,
    awsManagedPolicies: policies.length - draft.policies.length,
  };
}

/**
 * Imports every account the files hold. The files are checked whole first, then against the store, before any
 * account is written: a fault anywhere changes nothing. Each account is then written in one transaction.
 */
export async function importAuthorizationDetails(
  sources: ImportSource[],
  options: { actor: string; source?: "api" | "console"; onProgress?: (message: string) => void; onStage?: (stage: ImportStage) => void },
): Promise<ImportedAccountSummary[]> {
  const { accounts, awsPolicies } = draftAccounts(sources);
  options.onStage?.({ stage: "parsed", accounts: [...accounts.keys()] });
  const db = getDb();
  const precheckWritten = new Set<string>();
  for (const draft of accounts.values()) {
    for (const p of await resolveAgainstStore(db, draft, awsPolicies, precheckWritten)) if (p.scope === "aws") precheckWritten.add(p.arn);
  }
  options.onStage?.({ stage: "checked" });

  const summaries: ImportedAccountSummary[] = [];
  const awsWritten = new Set<string>();
  for (const draft of accounts.values()) {
    options.onProgress?.(`account ${draft.accountId}: ${draft.users.length} users, ${draft.groups.length} groups, ${draft.roles.length} roles, ${draft.policies.length} policies`);
    const policies = await inTransaction(
      db,
      async (tx) => {
        // Checked again inside the transaction: another writer may have taken a name since the check above.
        const policies = await resolveAgainstStore(tx, draft, awsPolicies, awsWritten);
        await writeImportedAccount(tx, { ...draft, policies });
        await insertAuditEvent(tx, {
          accountId: draft.accountId,
          actor: options.actor,
          action: "ImportAccountAuthorizationDetails",
          target: `arn:aws:iam::${draft.accountId}:root`,
          outcome: "Success",
          reason: `Imported ${draft.users.length} users, ${draft.groups.length} groups, ${draft.roles.length} roles and ${draft.policies.length} customer managed policies.`,
          source: options.source ?? "api",
        });
        // A whole account at once: readers of the change log reload everything.
        await recordStoreChange(tx, "ImportAccountAuthorizationDetails", null);
        return policies;
      },
      { timeoutMs: 600_000 },
    );
    for (const p of policies) if (p.scope === "aws") awsWritten.add(p.arn);
    const summary = summaryOf(draft, policies);
    summaries.push(summary);
    // Other instances' caches follow the store version.
    await bumpStoreVersion(db);
    options.onStage?.({ stage: "written", summary });
  }
  return summaries;
}
