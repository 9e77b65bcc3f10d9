"use client";
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";
import { LIMITS, tagListSchema, type Tag } from "@/lib/domain/schemas";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { TagEditor } from "@/components/roles/tag-editor";
import { ownerTestId, type OwnerCardProps } from "./owner";
import type { PrincipalKind } from "@/lib/domain/principal-kinds";

/**
 * The condition key each page names: a user's tags describe the caller (aws:PrincipalTag); a role's are named as
 * the resource acted on (aws:ResourceTag), though its sessions carry them as aws:PrincipalTag too.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_iam-tags.html
 */
const TAG_CONDITION_KEY: Record<TaggedKind, string> = { role: "aws:ResourceTag", user: "aws:PrincipalTag" };

/** The kinds that carry tags (IAM groups have none). */
type TaggedKind = Exclude<PrincipalKind, "group">;

const same = (a: Tag[], b: Tag[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Row errors from the shared tag schema. Not fieldErrors: it lower-cases the whole message, which would turn the
 * key pattern's \p{L} into \p{l}.
 */
export function tagRowErrors(tags: Tag[]) {
  const check = tagListSchema.safeParse(tags);
  const found: Record<number, string> = {};
  if (!check.success) for (const i of check.error.issues) if (typeof i.path[0] === "number") found[i.path[0]] ??= `${String(i.path[1] ?? "Tag")}: ${i.message.replace(/^Member must/, "must")}`;
  return found;
}

export interface TagsCardProps extends OwnerCardProps {
  owner: OwnerCardProps["owner"] & { kind: TaggedKind };
  tags: Tag[];
  /** Replaces the whole tag list (TagRole/UntagRole or TagUser/UntagUser in one step). */
  replace: UseMutationResult<unknown, Error, Tag[]>;
}

export function TagsCard({ owner, tags: saved, replace, locked }: TagsCardProps) {
  const readOnly = useReadOnlyReason() ?? locked;
  const [tags, setTags] = useState<Tag[]>(saved);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const toast = useToast();
  // A new saved set (after a save or a refetch) replaces the draft in the same render, as useResetOnOpen does.
  const [shown, setShown] = useState(saved);
  if (shown !== saved) {
    setShown(saved);
    setTags(saved);
  }
  const dirty = !same(tags, saved);

  async function onSave() {
    const found = tagRowErrors(tags);
    setErrors(found);
    if (Object.keys(found).length) return;
    await replace.mutateAsync(tags).then(
      () => toast({ tone: "success", title: "Tags saved" }),
      (e: Error) => toast({ tone: "error", title: "Tags not saved", message: e.message }),
    );
  }

  return (
    <Card title="Tags" description={`Key-value labels for organising ${owner.kind}s and for attribute-based access control (${TAG_CONDITION_KEY[owner.kind]}). Keys are unique ignoring case.`}
      actions={!readOnly && <><Button size="sm" variant="ghost" disabled={!dirty} onClick={() => setTags(saved)}>Reset</Button><Button size="sm" variant="primary" disabled={!dirty} loading={replace.isPending} onClick={onSave} data-testid={ownerTestId(owner.kind, "save-tags")}>Save tags</Button></>}>
      {readOnly && saved.length === 0 ? (
        <p className="text-[13px] text-fg-muted">No tags.</p>
      ) : (
        <TagEditor tags={tags} onChange={setTags} errors={errors} disabled={!!readOnly} max={LIMITS.tagsPerEntity} />
      )}
    </Card>
  );
}
