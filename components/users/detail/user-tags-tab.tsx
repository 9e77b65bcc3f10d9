"use client";
import { TagsCard } from "@/components/permissions/tags-card";
import { useReplaceUserTagsMutation, type UserDto } from "../user-queries";

export function UserTagsTab({ user }: { user: UserDto }) {
  const replace = useReplaceUserTagsMutation(user.name);
  return <TagsCard owner={{ kind: "user", name: user.name }} tags={user.tags} replace={replace} testIdPrefix="user-" />;
}
