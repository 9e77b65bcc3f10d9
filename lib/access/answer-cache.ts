/**
 * Answers kept for one access index (one store version): when a different index is asked with, everything kept for
 * the last one is dropped, so a kept answer is never older than the index it came from. Bounded by entries and by
 * the rows they hold together, least recently used first out; an answer larger than the whole row budget is made
 * for its request and not kept.
 */
export interface AnswerCacheLimits {
  maxEntries: number;
  maxRows: number;
}

export class AnswerCache<Scope extends object, V extends { size: number }> {
  private scope: Scope | undefined;
  private readonly entries = new Map<string, V>();
  private rows = 0;

  constructor(private readonly limits: AnswerCacheLimits) {}

  get(scope: Scope, key: string, make: () => V): V {
    if (scope !== this.scope) {
      this.scope = scope;
      this.entries.clear();
      this.rows = 0;
    }
    const kept = this.entries.get(key);
    if (kept) {
      // Map order is insertion order: taken out and put back, the entry is now the most recently used.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const made = make();
    if (made.size > this.limits.maxRows) return made;
    this.entries.set(key, made);
    this.rows += made.size;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.rows <= this.limits.maxRows) break;
      this.entries.delete(oldKey);
      this.rows -= old.size;
    }
    return made;
  }

  /** What is kept: entries and the rows they hold. */
  get held(): { entries: number; rows: number } {
    return { entries: this.entries.size, rows: this.rows };
  }
}
