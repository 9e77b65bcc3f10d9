import type { PrincipalKind } from "@/lib/domain/principal-kinds";
import type { PrincipalPermissions } from "./principal-permissions";
import { groupPermissions } from "./groups";
import { rolePermissions } from "./roles";
import { userPermissions } from "./users";

/** Each principal kind's policy and tag operations, for the adapters that serve every kind the same way. */
export const PERMISSIONS: Record<PrincipalKind, PrincipalPermissions> = { role: rolePermissions, user: userPermissions, group: groupPermissions };
