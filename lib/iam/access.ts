import { buildAccessIndex, type AccessIndex } from "@/lib/access/access-graph";
import { listAccountRows } from "@/lib/db/accounts";
import { getDb } from "@/lib/db/client";
import { loadStorePrincipalPolicies } from "@/lib/db/principal-tables";
import { syncCaches, VersionedCache } from "@/lib/db/versioned-cache";

/**
 * Who can assume what over the whole store (Roleplane's analysis, lib/access): the index is built once per store
 * version — every audited change moves the version, so no answer is ever older than the last change — and each
 * question after that is a lookup.
 */
const index = new VersionedCache<"index", AccessIndex>(1);

export async function accessIndex(): Promise<AccessIndex> {
  await syncCaches();
  return index.get("index", async () => {
    const db = getDb();
    const [accounts, users, roles] = await Promise.all([listAccountRows(db), loadStorePrincipalPolicies(db, "user"), loadStorePrincipalPolicies(db, "role")]);
    return buildAccessIndex({ accounts: accounts.map((a) => a.id), users, roles });
  });
}
