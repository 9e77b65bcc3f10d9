"use client";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import type { Tag } from "@/lib/domain/schemas";
import { AttachedPoliciesCard } from "./attached-policies-card";
import { BoundaryCard } from "./boundary-card";
import { InlinePoliciesCard } from "./inline-policies-card";
import type { OwnerCardProps } from "./owner";
import { useAttachedPoliciesQuery, useInlinePoliciesQuery, usePermissionMutations, useReplaceTagsMutation } from "./principal-queries";
import { TagsCard, type TagsCardProps } from "./tags-card";

/**
 * The Permissions tab of a role, user or group: managed policies, inline policies and, for the kinds that take
 * one, the permissions boundary.
 */
export function PermissionsTab({ owner, boundaryArn = null, locked, inherited }: OwnerCardProps & {
  boundaryArn?: string | null;
  /** Policies the owner holds through others (a user's groups), shown before the boundary that caps them all. */
  inherited?: React.ReactNode;
}) {
  const attached = useAttachedPoliciesQuery(owner.kind, owner.name);
  const inline = useInlinePoliciesQuery(owner.kind, owner.name);
  const m = usePermissionMutations(owner.kind, owner.name);
  return (
    <div className="flex flex-col gap-5">
      <AttachedPoliciesCard owner={owner} policies={attached} attach={m.attach} detach={m.detach} locked={locked} />
      <InlinePoliciesCard owner={owner} policies={inline} put={m.putInline} remove={m.deleteInline} locked={locked} />
      {inherited}
      {PRINCIPAL_RULES[owner.kind].boundary && <BoundaryCard owner={owner} boundaryArn={boundaryArn} put={m.putBoundary} remove={m.deleteBoundary} locked={locked} />}
    </div>
  );
}

/** The Tags tab of a role or user. */
export function TagsTab({ owner, tags, locked }: Omit<TagsCardProps, "replace"> & { tags: Tag[] }) {
  const replace = useReplaceTagsMutation(owner.kind, owner.name);
  return <TagsCard owner={owner} tags={tags} replace={replace} locked={locked} />;
}
