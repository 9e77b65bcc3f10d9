import { getDb } from "@/lib/db/client";
import { findKeyWithOwner } from "@/lib/db/access-keys";
import { findSession } from "@/lib/db/sts-sessions";
import { accountOfAccessKeyId } from "@/lib/iam/access-key-ids";
import type { Caller } from "@/lib/iam/callers";

/**
 * sts:GetCallerIdentity: who the credentials belong to. No permission is needed, and an explicit deny cannot stop
 * it (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
 */
export function callerIdentity(caller: Caller): { userId: string; account: string; arn: string } {
  if (caller.kind === "user") return { userId: caller.userId, account: caller.accountId, arn: caller.arn };
  const s = caller.session;
  return { userId: s.roleId ? `${s.roleId}:${s.sessionName}` : (s.userId ?? ""), account: s.accountId, arn: s.arn };
}

/**
 * sts:GetAccessKeyInfo: the account an access key id belongs to. AWS reads it from the id itself; Roleplane's ids
 * are laid out the same way, and keys imported with other ids are found in the store.
 */
export async function accessKeyAccount(accessKeyId: string): Promise<string | null> {
  const db = getDb();
  if (accessKeyId.startsWith("AKIA")) {
    const key = await findKeyWithOwner(db, accessKeyId);
    if (key) return key.user.accountId;
  } else if (accessKeyId.startsWith("ASIA")) {
    const session = await findSession(db, accessKeyId);
    if (session) return session.accountId;
  }
  return accountOfAccessKeyId(accessKeyId);
}
