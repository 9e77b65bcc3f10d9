"use client";
import { LIMITS } from "@/lib/iam/schemas";
import { AttachPolicyDialog } from "@/components/permissions/attach-policy-dialog";
import { useAttachUserPolicyMutation } from "../user-permission-queries";
import type { UserDto } from "../user-queries";

/** AttachUserPolicy, in the dialog shared with roles. */
export function UserAttachPolicyDialog({ user, ...rest }: { user: UserDto; open: boolean; onClose: () => void; attachedArns: string[] }) {
  const attach = useAttachUserPolicyMutation(user.name);
  return <AttachPolicyDialog {...rest} owner={{ kind: "user", name: user.name }} quota={LIMITS.managedPoliciesPerUser} attach={attach} testIdPrefix="user-" />;
}
