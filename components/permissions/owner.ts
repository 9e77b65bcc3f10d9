export type IdentityKind = "role" | "user";

/** The role or user whose policies, boundary or tags a shared card or dialog changes. */
export interface PermissionsOwner {
  kind: IdentityKind;
  name: string;
}
