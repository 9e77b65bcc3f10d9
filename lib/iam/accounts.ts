import { getDb } from "@/lib/db/client";
import { findAccount, listAccountRows } from "@/lib/db/accounts";
import type { Account } from "@/lib/domain/types";

export async function listAccounts(): Promise<Account[]> {
  return listAccountRows(getDb());
}

export async function getAccount(id: string): Promise<Account | null> {
  return findAccount(getDb(), id);
}
