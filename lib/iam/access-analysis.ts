import { accessGraph, roleAccessSummary, type AccessGraph, type AccountAccessAnalysis, type RoleAccessSummary } from "@/lib/access/account-access";
import { sortFindings, storeDirectory, storeFindings, usageFinding, type Finding, type StoreDirectory } from "@/lib/access/findings";
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

/** A role as the analysis keeps it: its counts and the findings that change only with the store. */
type AnalysedRole = StoredRole & { summary: RoleAccessSummary; findings: Finding[] };

/**
 * Each role of the account with its counts and store findings, once per store version and account. Each role's
 * who-can-assume answer is asked of the index, read and let go before the next: at 10,000 roles the answers together
 * are millions of direct assumes and chains, which kept at once took the server past 1.9 GB.
 */
const accountRoles = new VersionedCache<string, AnalysedRole[]>(64);

/** The index and the store's facts, for an account the store holds. */
async function indexFor(accountId: string) {
  const [index, store] = await Promise.all([accessIndex(), storeFacts()]);
  if (!store.directory.accounts.has(accountId)) throw new AwsError("NoSuchEntity", `The account ${accountId} is not in this Roleplane.`, 404);
  return { index, store };
}

async function analysedRoles(accountId: string) {
  const { index, store } = await indexFor(accountId);
  const roles = await accountRoles.get(accountId, async () =>
    (store.roles.get(accountId) ?? []).map((r) => {
      // The table counts a role's chains; only an administrator role's finding (chain-to-admin) lists them, so only
      // those are made into objects with their paths.
      const chains = store.directory.administrator(r.arn) ? index.chains(r.arn) : undefined;
      const who = { direct: index.direct(r.arn), chains: chains ?? [] };
      const chained = chains ? chains.length : index.chainList(r.arn).length;
      return { ...r, summary: { ...roleAccessSummary({ arn: r.arn, name: r.name, who }), chained }, findings: storeFindings(r, who, store.directory) };
    }),
  );
  return { store, roles };
}

export async function accountAccessAnalysis(accountId: string, now = new Date()): Promise<AccountAccessAnalysis> {
  const [{ roles }, usage] = await Promise.all([analysedRoles(accountId), listRoleUsage(getDb(), accountId)]);
  const findings: Finding[] = [];
  for (const r of roles) {
    findings.push(...r.findings);
    const u = usage.get(r.id);
    const unused = usageFinding({ ...r, createdAt: u?.createdAt ?? now, lastUsedAt: u?.lastUsedAt ?? null, lastSessionAt: u?.lastSessionAt ?? null }, now);
    if (unused) findings.push(unused);
  }
  sortFindings(findings);
  const kinds = new Map<string, AccountAccessAnalysis["roles"][number]["findings"]>();
  for (const f of findings) kinds.set(f.roleArn, [...(kinds.get(f.roleArn) ?? []), f.kind]);
  return {
    accountId,
    analysedAt: now.toISOString(),
    findings,
    roles: roles.map((r) => ({ ...r.summary, findings: kinds.get(r.arn) ?? [] })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** The whole graph of the account's roles, as `npx roleplane access-graph` prints it. */
export async function accountAccessGraph(accountId: string): Promise<AccessGraph> {
  const { index, store } = await indexFor(accountId);
  // Every role's whole answer is the output here (`npx roleplane access-graph`), so they are all read at once.
  return accessGraph(accountId, (store.roles.get(accountId) ?? []).map((r) => ({ arn: r.arn, name: r.name, who: whoCanAssumeOf(index, r.arn) })));
}
