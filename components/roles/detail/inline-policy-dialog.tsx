"use client";
import { InlinePolicyDialog as SharedInlinePolicyDialog } from "@/components/permissions/inline-policy-dialog";
import { usePutInlinePolicyMutation, type RoleDto } from "../role-queries";

/** A role's inline policy (PutRolePolicy), in the dialog shared with users. */
export function InlinePolicyDialog({ role, ...rest }: {
  role: RoleDto;
  policy: { name: string; document: string } | null;
  open: boolean;
  onClose: () => void;
  readOnly?: string;
}) {
  const put = usePutInlinePolicyMutation(role.name);
  return <SharedInlinePolicyDialog {...rest} put={put} />;
}
