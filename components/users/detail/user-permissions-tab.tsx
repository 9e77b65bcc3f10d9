"use client";
import type { UserDto } from "../user-queries";
import { UserAttachedPoliciesCard } from "./user-attached-policies-card";
import { UserInlinePoliciesCard } from "./user-inline-policies-card";
import { UserBoundaryCard } from "./user-boundary-card";

export function UserPermissionsTab({ user }: { user: UserDto }) {
  return (
    <div className="flex flex-col gap-5">
      <UserAttachedPoliciesCard user={user} />
      <UserInlinePoliciesCard user={user} />
      <UserBoundaryCard user={user} />
    </div>
  );
}
