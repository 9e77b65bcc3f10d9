"use client";
import type { RoleDto } from "../role-queries";
import { AttachedPoliciesCard } from "./attached-policies-card";
import { InlinePoliciesCard } from "./inline-policies-card";
import { BoundaryCard } from "./boundary-card";

const PROTECTED = "Service-linked roles get their permissions from their service and cannot be changed.";

export function PermissionsTab({ role }: { role: RoleDto }) {
  const locked = role.serviceLinkedService ? PROTECTED : undefined;
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard role={role} locked={locked} />
      <InlinePoliciesCard role={role} locked={locked} />
      <BoundaryCard role={role} locked={locked} />
    </div>
  );
}
