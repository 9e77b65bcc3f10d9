"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachedPoliciesCard } from "@/components/permissions/attached-policies-card";
import { InlinePoliciesCard } from "@/components/permissions/inline-policies-card";
import { BoundaryCard } from "@/components/permissions/boundary-card";
import {
  useAttachUserPolicyMutation,
  useDeleteUserBoundaryMutation,
  useDeleteUserInlinePolicyMutation,
  useDetachUserPolicyMutation,
  usePutUserBoundaryMutation,
  usePutUserInlinePolicyMutation,
  useUserAttachedPoliciesQuery,
  useUserInlinePoliciesQuery,
} from "../user-permission-queries";
import type { UserDto } from "../user-queries";

export function UserPermissionsTab({ user }: { user: UserDto }) {
  const owner = { kind: "user", name: user.name } as const;
  const attached = useUserAttachedPoliciesQuery(user.name);
  const attach = useAttachUserPolicyMutation(user.name);
  const detach = useDetachUserPolicyMutation(user.name);
  const inline = useUserInlinePoliciesQuery(user.name);
  const putInline = usePutUserInlinePolicyMutation(user.name);
  const deleteInline = useDeleteUserInlinePolicyMutation(user.name);
  const putBoundary = usePutUserBoundaryMutation(user.name);
  const deleteBoundary = useDeleteUserBoundaryMutation(user.name);
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard owner={owner} quota={LIMITS.managedPoliciesPerUser} policies={attached} attach={attach} detach={detach} testIdPrefix="user-" />
      <InlinePoliciesCard owner={owner} policies={inline} put={putInline} remove={deleteInline} sizeQuota={LIMITS.inlinePolicySizePerUser} testIdPrefix="user-" />
      <BoundaryCard owner={owner} boundaryArn={user.permissionsBoundaryArn} put={putBoundary} remove={deleteBoundary} testIdPrefix="user-" />
    </div>
  );
}
