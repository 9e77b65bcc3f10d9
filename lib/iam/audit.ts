import { getDb, type Tx } from "@/lib/db/client";
import { insertAuditEvent, listAuditEventRows } from "@/lib/db/audit";
import { bumpStoreVersion } from "@/lib/db/store-version";
import type { RequestContext } from "./context";
import { isAwsError } from "@/lib/domain/errors";

/** The ARN an event is about; a function when it is known only by looking the entity up (e.g. by name). */
/** Generous limits: a busy 2-core machine must not turn a slow commit into a spurious failure. */
const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 };

export type TargetRef = string | null | (() => Promise<string | null>);

/**
 * Runs one change in a transaction and records it in the audit trail. A refusal (AwsError) rolls the change
 * back and is recorded as a Failure with AWS's code, so the trail shows attempts as well as changes.
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
    return await db.$transaction(async (tx) => {
      const result = await change(tx);
      await bumpStoreVersion(tx);
      await insertAuditEvent(tx, {
        accountId: ctx.accountId,
        actor: ctx.actor,
        action,
        target: targetOf?.(result) ?? (typeof target === "function" ? await target() : target),
        outcome: "Success",
        source: ctx.source,
        requestId: ctx.requestId,
      });
      return result;
    }, TRANSACTION_LIMITS);
  } catch (err) {
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
