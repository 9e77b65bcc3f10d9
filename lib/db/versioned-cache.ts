import { readStoreVersion } from "./store-version";

/**
 * Caches of store data that authorization reads on every API call (signing keys, principals with their policies,
 * roles, sessions). They hold values only for one store version: `syncCaches()` reads the version at the start of
 * each request and, when it moved, empties every cache. A load that started before the change cannot put its
 * stale answer back: entries remember the generation they were loaded in.
 */
export class VersionedCache<K, V> {
  private entries = new Map<K, Promise<V>>();

  constructor(private readonly maxEntries = 50_000) {
    caches.add(this as VersionedCache<unknown, unknown>);
  }

  get(key: K, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const loadedIn = generation;
    const pending = load();
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, pending);
    pending.then(
      () => loadedIn !== generation && this.entries.get(key) === pending && this.entries.delete(key),
      () => this.entries.get(key) === pending && this.entries.delete(key),
    );
    return pending;
  }

  /** Forgets one key, for a change this process made and knows about (e.g. a session it just revoked). */
  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}

const caches = new Set<VersionedCache<unknown, unknown>>();
let generation = 0;
let seenVersion: number | undefined;

export async function syncCaches(): Promise<void> {
  const version = await readStoreVersion();
  if (version === seenVersion) return;
  seenVersion = version;
  generation++;
  for (const c of caches) c.clear();
}
