import type { Tx } from "./client";

/** The tasks behind DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus. */

export interface DeletionTaskRow {
  id: string;
  accountId: string;
  roleId: string;
  roleName: string;
  roleArn: string;
  submittedAt: Date;
  startsAt: Date;
  dueAt: Date;
  outcome: "SUCCEEDED" | "FAILED" | null;
  finishedAt: Date | null;
  reason: string | null;
  /** JSON of RoleUsage[]; FAILED only. */
  roleUsage: string | null;
}

const toRow = (r: Omit<DeletionTaskRow, "outcome"> & { outcome: string | null }): DeletionTaskRow => ({
  ...r,
  outcome: r.outcome === "SUCCEEDED" || r.outcome === "FAILED" ? r.outcome : null,
});

export async function insertDeletionTask(tx: Tx, t: Omit<DeletionTaskRow, "outcome" | "finishedAt" | "reason" | "roleUsage">): Promise<DeletionTaskRow> {
  return toRow(await tx.serviceLinkedRoleDeletion.create({ data: t }));
}

export async function findDeletionTask(tx: Tx, accountId: string, id: string): Promise<DeletionTaskRow | null> {
  const row = await tx.serviceLinkedRoleDeletion.findFirst({ where: { id, accountId } });
  return row ? toRow(row) : null;
}

/** The role's most recent task, pending or finished. */
export async function findLatestDeletionTask(tx: Tx, accountId: string, roleId: string): Promise<DeletionTaskRow | null> {
  const row = await tx.serviceLinkedRoleDeletion.findFirst({ where: { accountId, roleId }, orderBy: { submittedAt: "desc" } });
  return row ? toRow(row) : null;
}

/** Pending tasks whose time has come, oldest first. */
export async function listDueDeletionTasks(tx: Tx, now: Date, accountId?: string): Promise<DeletionTaskRow[]> {
  const rows = await tx.serviceLinkedRoleDeletion.findMany({
    where: { outcome: null, dueAt: { lte: now }, ...(accountId ? { accountId } : {}) },
    orderBy: { dueAt: "asc" },
  });
  return rows.map(toRow);
}

/** Records the outcome once: false when another process finished the task first. */
export async function finishDeletionTask(
  tx: Tx,
  id: string,
  result: { outcome: "SUCCEEDED" | "FAILED"; at: Date; reason?: string; roleUsage?: string },
): Promise<boolean> {
  const res = await tx.serviceLinkedRoleDeletion.updateMany({
    where: { id, outcome: null },
    data: { outcome: result.outcome, finishedAt: result.at, reason: result.reason ?? null, roleUsage: result.roleUsage ?? null },
  });
  return res.count === 1;
}
