import { cookies } from "next/headers";
import { DEMO_ACCOUNT_ID } from "@/lib/config";
import { listAccounts } from "@/lib/iam/accounts";

/** The console acts in one account at a time, chosen with the account switcher and kept in this cookie. */
export const ACCOUNT_COOKIE = "rp-account";

export interface ConsoleAccount {
  id: string;
  alias: string | null;
}

/**
 * The account named by the cookie when it exists, else the demo account. `requested` tells callers whether the
 * cookie named an account that does not exist, so an API call can refuse instead of acting elsewhere.
 */
export async function currentAccount(): Promise<{ account: ConsoleAccount; accounts: ConsoleAccount[]; unknown: boolean }> {
  const requested = (await cookies()).get(ACCOUNT_COOKIE)?.value;
  const accounts = (await listAccounts()).map((a) => ({ id: a.id, alias: a.alias ?? null }));
  const found = accounts.find((a) => a.id === requested);
  const fallback = accounts.find((a) => a.id === DEMO_ACCOUNT_ID) ?? accounts[0] ?? { id: DEMO_ACCOUNT_ID, alias: null };
  return { account: found ?? fallback, accounts, unknown: requested !== undefined && !found };
}
