"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachPolicyDialog as SharedAttachPolicyDialog } from "@/components/permissions/attach-policy-dialog";
import { useAttachPolicyMutation, type RoleDto } from "../role-queries";

/** AttachRolePolicy, in the dialog shared with users. */
export function AttachPolicyDialog({ role, ...rest }: { role: RoleDto; open: boolean; onClose: () => void; attachedArns: string[] }) {
  const attach = useAttachPolicyMutation(role.name);
  return <SharedAttachPolicyDialog {...rest} owner={{ kind: "role", name: role.name }} quota={LIMITS.managedPoliciesPerRole} attach={attach} />;
}
