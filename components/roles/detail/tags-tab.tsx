"use client";
import { TagsCard } from "@/components/permissions/tags-card";
import { useReplaceTagsMutation, type RoleDto } from "../role-queries";

export function TagsTab({ role }: { role: RoleDto }) {
  const replace = useReplaceTagsMutation(role.name);
  return <TagsCard owner={{ kind: "role", name: role.name }} tags={role.tags} replace={replace} locked={role.serviceLinkedService ? "Service-linked roles cannot be tagged." : undefined} />;
}
