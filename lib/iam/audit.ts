import { getDb, type Tx } from "@/lib/db/client";
import { insertAuditEvent, listAuditEventRows } from "@/lib/db/audit";
import { recordStoreChange } from "@/lib/db/store-changes";
import { bumpStoreVersion } from "@/lib/db/store-version";
import { inTransaction, WriteConflictError } from "@/lib/db/transaction";
import { AwsError, isAwsError } from "@/lib/domain/errors";
import type { RequestContext } from "./context";

/** The ARN an event is about; a function when it is known only by looking the entity up (e.g. by name). */
export type TargetRef = string | null | (() => Promise<string | null>);

/** IAM's answer when simultaneous requests change one object (ConcurrentModificationException in the API reference). */
const concurrentModification = () =>
  new AwsError(
    "ConcurrentModification",
    "The request was rejected because multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.",
  );

/**
 * Runs one change in a transaction (lib/db/transaction: serializable, retried on conflict) and records it in the
 * audit trail. A refusal (AwsError) rolls the change back and is recorded as a Failure with AWS's code, so the
 * trail shows attempts as well as changes.
 */
export async function auditedChange<T>(
  ctx: RequestContext,
  action: string,
  target: TargetRef,
  change: (tx: Tx) => Promise<T>,
  targetOf?: (result: T) => string | null,
): Promise<T> {
  const db = getDb();
  try {
    const committed = await inTransaction(db, async (tx) => {
      const result = await change(tx);
      const changed = targetOf?.(result) ?? (typeof target === "function" ? await target() : target);
      await insertAuditEvent(tx, { accountId: ctx.accountId, actor: ctx.actor, action, target: changed, outcome: "Success", source: ctx.source, requestId: ctx.requestId });
      // Last, so the change log's ordering lock is held only for the commit (lib/db/store-changes).
      await recordStoreChange(tx, action, changed);
      return result;
    });
    // After the commit and before the answer: caches here and in other instances see the change on the next
    // request. Outside the transaction, so concurrent changes do not all collide on this one row.
    await bumpStoreVersion(db);
    return committed;
  } catch (caught) {
    const err = caught instanceof WriteConflictError ? concurrentModification() : caught;
    if (isAwsError(err)) {
      await insertAuditEvent(db, {
        accountId: ctx.accountId,
        actor: ctx.actor,
        action,
        target: typeof target === "function" ? await target().catch(() => null) : target,
        outcome: "Failure",
        errorCode: err.code,
        reason: err.message,
        source: ctx.source,
        requestId: ctx.requestId,
      });
    }
    throw err;
  }
}

/** Records a refusal that happened before any change began (e.g. the caller lacked permission). */
export async function auditRefusal(ctx: RequestContext, action: string, target: string | null, errorCode: string, reason: string) {
  await insertAuditEvent(getDb(), {
    accountId: ctx.accountId,
    actor: ctx.actor,
    action,
    target,
    outcome: "Failure",
    errorCode,
    reason,
    source: ctx.source,
    requestId: ctx.requestId,
  });
}

export async function listAuditEvents(q: { accountId?: string; target?: string; limit?: number }) {
  return listAuditEventRows(getDb(), { ...q, limit: Math.min(q.limit ?? 100, 500) });
}
