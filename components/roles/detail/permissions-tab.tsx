"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachedPoliciesCard } from "@/components/permissions/attached-policies-card";
import { InlinePoliciesCard } from "@/components/permissions/inline-policies-card";
import { BoundaryCard } from "@/components/permissions/boundary-card";
import {
  useAttachPolicyMutation,
  useDeleteBoundaryMutation,
  useDeleteInlinePolicyMutation,
  useDetachPolicyMutation,
  usePutBoundaryMutation,
  usePutInlinePolicyMutation,
  useRoleAttachedPoliciesQuery,
  useRoleInlinePoliciesQuery,
  type RoleDto,
} from "../role-queries";

const PROTECTED = "Service-linked roles get their permissions from their service and cannot be changed.";

export function PermissionsTab({ role }: { role: RoleDto }) {
  const locked = role.serviceLinkedService ? PROTECTED : undefined;
  const owner = { kind: "role", name: role.name } as const;
  const attached = useRoleAttachedPoliciesQuery(role.name);
  const attach = useAttachPolicyMutation(role.name);
  const detach = useDetachPolicyMutation(role.name);
  const inline = useRoleInlinePoliciesQuery(role.name);
  const putInline = usePutInlinePolicyMutation(role.name);
  const deleteInline = useDeleteInlinePolicyMutation(role.name);
  const putBoundary = usePutBoundaryMutation(role.name);
  const deleteBoundary = useDeleteBoundaryMutation(role.name);
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard owner={owner} quota={LIMITS.managedPoliciesPerRole} policies={attached} attach={attach} detach={detach} locked={locked} />
      <InlinePoliciesCard owner={owner} policies={inline} put={putInline} remove={deleteInline} sizeQuota={LIMITS.inlinePolicySizePerRole} locked={locked} />
      <BoundaryCard owner={owner} boundaryArn={role.permissionsBoundaryArn} put={putBoundary} remove={deleteBoundary} locked={locked} />
    </div>
  );
}
