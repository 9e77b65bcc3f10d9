import { getDb } from "@/lib/db/client";
import { findAccount, listAccountRows, type Account } from "@/lib/db/accounts";

export type { Account };

export async function listAccounts(): Promise<Account[]> {
  return listAccountRows(getDb());
}

export async function getAccount(id: string): Promise<Account | null> {
  return findAccount(getDb(), id);
}
