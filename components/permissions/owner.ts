import type { PrincipalKind } from "@/lib/domain/principal-kinds";

/** The role or user whose policies, boundary or tags a shared card or dialog changes. */
export interface PermissionsOwner {
  kind: PrincipalKind;
  name: string;
}

/** What every shared permissions card takes besides its own data and calls. */
export interface OwnerCardProps {
  owner: PermissionsOwner;
  /** Why nothing here can change (a service-linked role); the viewer's read-only reason comes first. */
  locked?: string;
}

/** Each page keeps the test ids its specs use: a role's cards have none before theirs, a user's "user-", a group's "group-". */
const TEST_ID_PREFIX: Record<PrincipalKind, string> = { role: "", user: "user-", group: "group-" };

export const ownerTestId = (kind: PrincipalKind, id: string) => `${TEST_ID_PREFIX[kind]}${id}`;
