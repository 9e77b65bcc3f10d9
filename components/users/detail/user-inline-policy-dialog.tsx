"use client";
import { InlinePolicyDialog } from "@/components/permissions/inline-policy-dialog";
import { usePutUserInlinePolicyMutation } from "../user-permission-queries";
import type { UserDto } from "../user-queries";

/** A user's inline policy (PutUserPolicy), in the dialog shared with roles. */
export function UserInlinePolicyDialog({ user, ...rest }: {
  user: UserDto;
  policy: { name: string; document: string } | null;
  open: boolean;
  onClose: () => void;
  readOnly?: string;
}) {
  const put = usePutUserInlinePolicyMutation(user.name);
  return <InlinePolicyDialog {...rest} put={put} testIdPrefix="user-" />;
}
