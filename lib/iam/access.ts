import { buildAccessIndex, type AccessIndex, type AccessStore, type CanAssume, type DecisionMemo, type WhoCanAssume } from "@/lib/access/access-graph";
import { getDb, type Tx } from "@/lib/db/client";
import { syncCaches, VersionedCache } from "@/lib/db/versioned-cache";
import { loadWholeStore, updateStore, type LoadedStore } from "./access-store";

/**
 * Who can assume what over the whole store (Roleplane's analysis, lib/access): the index is built once per store
 * version — every audited change moves the version, so no answer is ever older than the last change — and each
 * question after that is a lookup. A build reuses the last build's decisions and document readings whose inputs are
 * unchanged (keyed by content, so what it reuses is what a fresh build would make), and every role's part of the index
 * the change left alone (lib/access/access-graph): after a change only what the change touched is built again.
 */
const index = new VersionedCache<"index", AccessIndex>(1);
const store = new VersionedCache<"store", AccessStore>(1);
let lastMemo: DecisionMemo | undefined;
/** The last load and the store it was read from (a process switched to another store reads it whole). */
let lastLoaded: { db: Tx; loaded: LoadedStore } | undefined;

/**
 * Every account, user and role with its policies, for the index and the Access analysis alike, once per store
 * version: read whole the first time, then brought up to date from the change log (./access-store), reading again
 * only the principals a change can have altered — at 10,000 roles the whole read is the largest part of a rebuild.
 */
export async function accessStore(): Promise<AccessStore> {
  await syncCaches();
  return store.get("store", async () => {
    const db = getDb();
    const base = lastLoaded?.db === db ? lastLoaded.loaded : undefined;
    const loaded = base ? await updateStore(db, base) : await loadWholeStore(db);
    // Loads for two versions may overlap: the later one stays the base for the next update.
    if (lastLoaded?.db !== db || loaded.seq >= lastLoaded.loaded.seq) lastLoaded = { db, loaded };
    return loaded.store;
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
