import { getDb } from "@/lib/db/client";
import { findRole, touchRoleLastUsed } from "@/lib/db/roles";
import { VersionedCache } from "@/lib/db/versioned-cache";
import type { Role } from "@/lib/domain/types";

/** A role named by ARN (`arn:aws:iam::ACCT:role/PATH/NAME`): the name ignores case as IAM does, the path does not. */
const ROLE_ARN = /^arn:aws:iam::(\d{12}):role(\/(?:[\u0021-\u007E]*\/)?)([\w+=,.@-]+)$/;

const roles = new VersionedCache<string, Role | null>();

export function roleByArn(arn: string): Promise<Role | null> {
  const m = ROLE_ARN.exec(arn);
  if (!m) return Promise.resolve(null);
  const [, accountId, path, name] = m;
  return roles.get(arn, async () => {
    const role = await findRole(getDb(), accountId, name);
    return role && role.path === path ? role : null;
  });
}

/** How stale RoleLastUsed may get before a use refreshes it (AWS itself reports it to the day). */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Records that the role was used, at most once a minute per role and Region, so a burst of assumes does not turn
 * into a burst of writes. The cached role learns of it too.
 */
export async function noteRoleUse(role: Role, region: string, now = new Date()): Promise<void> {
  const last = role.lastUsedAt?.getTime() ?? 0;
  if (role.lastUsedRegion === region && now.getTime() - last < LAST_USED_RESOLUTION_MS) return;
  role.lastUsedAt = now;
  role.lastUsedRegion = region;
  await touchRoleLastUsed(getDb(), role.id, now, region);
}
