"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachedPoliciesCard } from "@/components/permissions/attached-policies-card";
import { useAttachUserPolicyMutation, useDetachUserPolicyMutation, useUserAttachedPoliciesQuery } from "../user-permission-queries";
import type { UserDto } from "../user-queries";
import { UserInlinePoliciesCard } from "./user-inline-policies-card";
import { UserBoundaryCard } from "./user-boundary-card";

export function UserPermissionsTab({ user }: { user: UserDto }) {
  const owner = { kind: "user", name: user.name } as const;
  const attached = useUserAttachedPoliciesQuery(user.name);
  const attach = useAttachUserPolicyMutation(user.name);
  const detach = useDetachUserPolicyMutation(user.name);
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard owner={owner} quota={LIMITS.managedPoliciesPerUser} policies={attached} attach={attach} detach={detach} linkPolicies testIdPrefix="user-" />
      <UserInlinePoliciesCard user={user} />
      <UserBoundaryCard user={user} />
    </div>
  );
}
