import type { Tx } from "./client";
import { randomUUID } from "node:crypto";
import type { AuditDetails, AuditEvent, AuditEventInput } from "@/lib/domain/types";


export async function insertAuditEvent(tx: Tx, e: AuditEventInput): Promise<void> {
  const { details, ...columns } = e;
  await tx.auditEvent.create({ data: { id: randomUUID(), ...columns, details: details ? JSON.stringify(details) : null } });
}

export async function listAuditEventRows(
  tx: Tx,
  q: { accountId?: string; target?: string; limit: number },
): Promise<AuditEvent[]> {
  const rows = await tx.auditEvent.findMany({
    where: { ...(q.accountId ? { accountId: q.accountId } : {}), ...(q.target ? { target: q.target } : {}) },
    orderBy: { time: "desc" },
    take: q.limit,
  });
  return rows.map((r) => ({
    ...r,
    outcome: r.outcome as AuditEvent["outcome"],
    source: r.source as AuditEvent["source"],
    details: r.details ? (JSON.parse(r.details) as AuditDetails) : null,
  }));
}
