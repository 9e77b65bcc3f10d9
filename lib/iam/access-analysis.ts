import { accessGraph, roleAccessSummary, type AccessGraph, type AccountAccessAnalysis } from "@/lib/access/account-access";
import type { WhoCanAssume } from "@/lib/access/access-graph";
import { findAccessFindings, storeDirectory, type FindingRole, type StoreDirectory } from "@/lib/access/findings";
import { getDb } from "@/lib/db/client";
import { listRoleUsage } from "@/lib/db/roles";
import { syncCaches, VersionedCache } from "@/lib/db/versioned-cache";
import { AwsError } from "@/lib/domain/errors";
import { accessIndex, accessStore, whoCanAssumeOf } from "./access";

/**
 * The Access analysis of an account (Roleplane's own, beyond AWS): findings a reviewer acts on and counts per role,
 * read from the access index's answers. What only changes with the store (who exists, who is an administrator, the
 * trust policies) is kept per store version like the index; when roles were last used is read on every call, since
 * recording a use does not move the store version.
 */
type StoredRole = { id: string; arn: string; name: string; accountId: string; trustPolicy: string };

interface StoreFacts {
  directory: StoreDirectory;
  /** Each account's roles, by account id. */
  roles: Map<string, StoredRole[]>;
}

const facts = new VersionedCache<"facts", StoreFacts>(1);

async function storeFacts(): Promise<StoreFacts> {
  await syncCaches();
  return facts.get("facts", async () => {
    const { accounts, users, roles } = await accessStore();
    const byAccount = new Map<string, StoredRole[]>();
    for (const r of roles) {
      if (!byAccount.has(r.accountId)) byAccount.set(r.accountId, []);
      byAccount.get(r.accountId)!.push({ id: r.id, arn: r.arn, name: r.name, accountId: r.accountId, trustPolicy: r.trustPolicy });
    }
    return { directory: storeDirectory(accounts, [...users, ...roles]), roles: byAccount };
  });
}

/** Each role of the account with who can assume it, asked of the index once per store version and account. */
const accountRoles = new VersionedCache<string, (StoredRole & { who: WhoCanAssume })[]>(64);

async function analysedRoles(accountId: string) {
  const [index, store] = await Promise.all([accessIndex(), storeFacts()]);
  if (!store.directory.accounts.has(accountId)) throw new AwsError("NoSuchEntity", `The account ${accountId} is not in this Roleplane.`, 404);
  const roles = await accountRoles.get(accountId, async () => (store.roles.get(accountId) ?? []).map((r) => ({ ...r, who: whoCanAssumeOf(index, r.arn) })));
  return { store, roles };
}

export async function accountAccessAnalysis(accountId: string, now = new Date()): Promise<AccountAccessAnalysis> {
  const [{ store, roles }, usage] = await Promise.all([analysedRoles(accountId), listRoleUsage(getDb(), accountId)]);
  const withUsage = roles.map((r) => {
    const u = usage.get(r.id);
    const role: FindingRole = { ...r, createdAt: u?.createdAt ?? now, lastUsedAt: u?.lastUsedAt ?? null, lastSessionAt: u?.lastSessionAt ?? null };
    return { role, who: r.who };
  });
  const findings = findAccessFindings({ roles: withUsage, store: store.directory, now });
  const kinds = new Map<string, AccountAccessAnalysis["roles"][number]["findings"]>();
  for (const f of findings) kinds.set(f.roleArn, [...(kinds.get(f.roleArn) ?? []), f.kind]);
  return {
    accountId,
    analysedAt: now.toISOString(),
    findings,
    roles: roles.map((r) => ({ ...roleAccessSummary(r), findings: kinds.get(r.arn) ?? [] })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The whole graph of the account's roles, as `npx roleplane access-graph` prints it. */
export async function accountAccessGraph(accountId: string): Promise<AccessGraph> {
  return accessGraph(accountId, (await analysedRoles(accountId)).roles);
}
