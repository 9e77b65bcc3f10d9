import type { StsSession } from "@/lib/domain/sts-types";
import type { Tx } from "./client";
import { omitSecret, toSession } from "./sts-sessions";

/** The principals the console's Assume role can act as, across every account: read-only, bounded. */

export interface UserCallerRow {
  id: string;
  arn: string;
  name: string;
  accountId: string;
  /** Serial numbers of the MFA devices enabled for the user. */
  mfaDevices: string[];
}

/** Users whose name or ARN contains `search` (names ignore case), by name; with their enabled MFA devices. */
export async function searchUserCallers(tx: Tx, search: string, take: number): Promise<UserCallerRow[]> {
  const where = search ? { OR: [{ nameLower: { contains: search.toLowerCase() } }, { arn: { contains: search } }] } : {};
  const users = await tx.iamUser.findMany({
    where,
    select: { id: true, arn: true, name: true, accountId: true, mfaDevices: { where: { enabledAt: { not: null } }, select: { serialNumber: true }, orderBy: { serialNumber: "asc" } } },
    orderBy: [{ nameLower: "asc" }, { accountId: "asc" }],
    take,
  });
  return users.map(({ mfaDevices, ...u }) => ({ ...u, mfaDevices: mfaDevices.map((d) => d.serialNumber) }));
}

/** Role sessions neither expired nor revoked whose ARN contains `search` or whose key id is `search`, newest first. */
export async function searchActiveRoleSessions(tx: Tx, search: string, now: Date, take: number): Promise<StsSession[]> {
  const rows = await tx.stsSession.findMany({
    where: {
      roleId: { not: null },
      revokedAt: null,
      expiresAt: { gt: now },
      ...(search ? { OR: [{ arn: { contains: search } }, { id: search }] } : {}),
    },
    orderBy: { issuedAt: "desc" },
    take,
    omit: omitSecret,
  });
  return rows.map(toSession);
}
