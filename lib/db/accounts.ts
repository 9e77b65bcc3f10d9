import type { Tx } from "./client";
import type { Account } from "@/lib/domain/types";


export async function listAccountRows(tx: Tx): Promise<Account[]> {
  return tx.account.findMany({ orderBy: { id: "asc" } });
}

export async function findAccount(tx: Tx, id: string): Promise<Account | null> {
  return tx.account.findUnique({ where: { id } });
}

export async function upsertAccount(tx: Tx, id: string, alias: string | null): Promise<void> {
  await tx.account.upsert({ where: { id }, create: { id, alias }, update: {} });
}
