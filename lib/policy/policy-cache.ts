/**
 * Policies read for evaluation, kept by their text so each document is parsed and compiled once. The cache is a
 * value the caller can own (`new PolicyCache(n)`); `evaluateRequest` and `decideRequest` fall back to one shared,
 * bounded instance, so the module holds at most `DEFAULT_CAPACITY` documents however many it sees.
 */

/**
 * A least-recently-used map with a fixed capacity: the entry used longest ago leaves first. A hit re-orders the
 * map only when the entry has fallen into the older half, so the hot entries of a steady workload cost a lookup.
 */
export class LruCache<K, V> {
  private readonly map = new Map<K, { value: V; used: number }>();
  private clock = 0;

  constructor(readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError("An LRU cache holds at least one entry.");
  }

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    if (this.clock - entry.used >= this.capacity / 2) {
      // Map keeps insertion order: re-inserting makes this the most recent entry.
      this.map.delete(key);
      this.map.set(key, entry);
    }
    entry.used = ++this.clock;
    return entry.value;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, { value, used: ++this.clock });
    if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value as K);
  }

  clear(): void {
    this.map.clear();
  }
}

/**
 * Compiled policies by document: strings by their text (a Map hashes a string once, then compares it only on a
 * collision), parsed objects by identity. `V` is the compiled form (see compile.ts).
 */
export class PolicyCache<V = unknown> {
  private readonly byText: LruCache<string, V>;
  private byObject = new WeakMap<object, V>();

  constructor(capacity = DEFAULT_CAPACITY) {
    this.byText = new LruCache(capacity);
  }

  get size(): number {
    return this.byText.size;
  }

  /** The compiled form of `document`, built by `compile(text)` on first use. */
  get(document: string | object, compile: (text: string) => V): V {
    if (typeof document === "string") {
      let hit = this.byText.get(document);
      if (hit === undefined) this.byText.set(document, (hit = compile(document)));
      return hit;
    }
    let hit = this.byObject.get(document);
    if (hit === undefined) this.byObject.set(document, (hit = compile(JSON.stringify(document))));
    return hit;
  }

  clear(): void {
    this.byText.clear();
    this.byObject = new WeakMap();
  }
}

/**
 * Enough for every managed and inline policy a busy account evaluates (the AWS-managed catalogue alone holds
 * ~1,600 documents, of which a few dozen are attached in practice).
 */
export const DEFAULT_CAPACITY = 2000;
