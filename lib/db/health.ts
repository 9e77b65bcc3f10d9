import type { Tx } from "./client";

/** Throws when the store cannot answer a query. */
export async function pingStore(tx: Tx): Promise<void> {
  await tx.account.count();
}
