"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachedPoliciesCard } from "@/components/permissions/attached-policies-card";
import { useAttachPolicyMutation, useDetachPolicyMutation, useRoleAttachedPoliciesQuery, type RoleDto } from "../role-queries";
import { InlinePoliciesCard } from "./inline-policies-card";
import { BoundaryCard } from "./boundary-card";

const PROTECTED = "Service-linked roles get their permissions from their service and cannot be changed.";

export function PermissionsTab({ role }: { role: RoleDto }) {
  const locked = role.serviceLinkedService ? PROTECTED : undefined;
  const owner = { kind: "role", name: role.name } as const;
  const attached = useRoleAttachedPoliciesQuery(role.name);
  const attach = useAttachPolicyMutation(role.name);
  const detach = useDetachPolicyMutation(role.name);
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard owner={owner} quota={LIMITS.managedPoliciesPerRole} policies={attached} attach={attach} detach={detach} locked={locked} />
      <InlinePoliciesCard role={role} locked={locked} />
      <BoundaryCard role={role} locked={locked} />
    </div>
  );
}
