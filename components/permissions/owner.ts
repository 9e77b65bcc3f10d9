export type IdentityKind = "role" | "user";

/** The role or user whose policies, boundary or tags a shared card or dialog changes. */
export interface PermissionsOwner {
  kind: IdentityKind;
  name: string;
}

/** What every shared permissions card takes besides its own data and calls. */
export interface OwnerCardProps {
  owner: PermissionsOwner;
  /** Why nothing here can change (a service-linked role); the viewer's read-only reason comes first. */
  locked?: string;
  /** Prefix of every test id ("" for roles, "user-" for users), so each page keeps the ids its specs use. */
  testIdPrefix?: string;
}
