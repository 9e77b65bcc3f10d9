import { buildAccessIndex, type AccessIndex, type AccessStore, type CanAssume, type DecisionMemo, type WhoCanAssume } from "@/lib/access/access-graph";
import { listAccountRows } from "@/lib/db/accounts";
import { getDb } from "@/lib/db/client";
import { loadStorePrincipalPolicies } from "@/lib/db/principal-tables";
import { syncCaches, VersionedCache } from "@/lib/db/versioned-cache";

/**
 * Who can assume what over the whole store (Roleplane's analysis, lib/access): the index is built once per store
 * version — every audited change moves the version, so no answer is ever older than the last change — and each
 * question after that is a lookup. A build reuses the last build's decisions and document readings whose inputs are
 * unchanged (keyed by content, so what it reuses is what a fresh build would make): after a change only what the
 * change touched is decided again.
 */
const index = new VersionedCache<"index", AccessIndex>(1);
const store = new VersionedCache<"store", AccessStore>(1);
let lastMemo: DecisionMemo | undefined;

/**
 * Every account, user and role with its policies, read once per store version for the index and the Access analysis
 * alike: at 10,000 roles this read is the largest part of a rebuild.
 */
export async function accessStore(): Promise<AccessStore> {
  await syncCaches();
  return store.get("store", async () => {
    const db = getDb();
    const [accounts, users, roles] = await Promise.all([listAccountRows(db), loadStorePrincipalPolicies(db, "user"), loadStorePrincipalPolicies(db, "role")]);
    return { accounts: accounts.map((a) => a.id), users, roles };
  });
}

export async function accessIndex(): Promise<AccessIndex> {
  await syncCaches();
  return index.get("index", async () => {
    const built = buildAccessIndex(await accessStore(), new Date(), { reuse: lastMemo });
    lastMemo = built.memo;
    return built;
  });
}

export function canAssumeOf(index: AccessIndex, principalArn: string): CanAssume {
  return { direct: index.assumable(principalArn), chains: index.reachable(principalArn) };
}

export function whoCanAssumeOf(index: AccessIndex, roleArn: string): WhoCanAssume {
  return { direct: index.direct(roleArn), chains: index.chains(roleArn) };
}
