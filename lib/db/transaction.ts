import type { Db, Tx } from "./client";

/**
 * Every change runs here, in one transaction at SERIALIZABLE isolation — the only isolation level SQLite has, and on
 * PostgreSQL the one under which a rule checked by reading (a name not taken yet, fewer than 10 policies attached,
 * the version an editor read) still holds when the transaction commits, across every instance on the database.
 * PostgreSQL aborts one of two transactions that would break that ("could not serialize access"); the loser is run
 * again from the start after a short random pause, and then sees the winner's change, so it answers as IAM would
 * (EntityAlreadyExists, LimitExceeded, ConcurrentModification) instead of failing.
 */

/** A change still colliding with concurrent changes to the same data after every retry. */
export class WriteConflictError extends Error {
  constructor(cause: unknown) {
    super("the change kept conflicting with concurrent changes to the same data", { cause });
    this.name = "WriteConflictError";
  }
}

const ATTEMPTS = 12;
const BACKOFF_BASE_MS = 10;
const BACKOFF_CAP_MS = 400;
/** Generous limits: a busy 2-core machine must not turn a slow commit into a spurious failure. */
const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_WAIT_MS = 10_000;

/**
 * A serialization failure or deadlock arrives as Prisma's P2034 from a query, or as the driver adapter's
 * TransactionWriteConflict when PostgreSQL refuses the COMMIT itself.
 */
function isSerializationFailure(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { kind?: unknown } } | null;
  return e?.code === "P2034" || e?.cause?.kind === "TransactionWriteConflict";
}

/**
 * A unique key taken by a transaction that committed after ours began (P2002). On the retry the service's own
 * check sees the row and refuses in AWS's words (EntityAlreadyExists).
 */
function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: unknown; cause?: { kind?: unknown } } | null;
  return e?.code === "P2002" || e?.cause?.kind === "UniqueConstraintViolation";
}

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)));

export async function inTransaction<T>(db: Db, change: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(change, {
        isolationLevel: "Serializable",
        maxWait: MAX_WAIT_MS,
        timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      });
    } catch (err) {
      const retryable = isSerializationFailure(err) || isUniqueViolation(err);
      if (!retryable) throw err;
      if (attempt >= ATTEMPTS) throw isSerializationFailure(err) ? new WriteConflictError(err) : err;
      await pause(attempt);
    }
  }
}
