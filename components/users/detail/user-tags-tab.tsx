"use client";
import { useEffect, useState } from "react";
import { LIMITS, tagListSchema, type Tag } from "@/lib/iam/schemas";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { TagEditor } from "@/components/roles/tag-editor";
import { useReplaceUserTagsMutation, type UserDto } from "../user-queries";
import { fieldErrors } from "@/components/ui/zod-field-errors";

const same = (a: Tag[], b: Tag[]) => JSON.stringify(a) === JSON.stringify(b);

export function UserTagsTab({ user }: { user: UserDto }) {
  const readOnly = useReadOnlyReason();
  const [tags, setTags] = useState<Tag[]>(user.tags);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const save = useReplaceUserTagsMutation(user.name);
  const toast = useToast();
  useEffect(() => setTags(user.tags), [user.tags]);
  const dirty = !same(tags, user.tags);

  async function onSave() {
    const check = tagListSchema.safeParse(tags);
    const found = check.success ? {} : fieldErrors(check.error.issues.map((i) => ({ ...i, path: ["Tags", ...i.path] }))).tags;
    setErrors(found);
    if (Object.keys(found).length) return;
    await save.mutateAsync(tags).then(
      () => toast({ tone: "success", title: "Tags saved" }),
      (e: Error) => toast({ tone: "error", title: "Tags not saved", message: e.message }),
    );
  }

  return (
    <Card title="Tags" description="Key-value labels for organising users and for attribute-based access control (aws:PrincipalTag). Keys are unique ignoring case."
      actions={!readOnly && <><Button size="sm" variant="ghost" disabled={!dirty} onClick={() => setTags(user.tags)}>Reset</Button><Button size="sm" variant="primary" disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="user-save-tags">Save tags</Button></>}>
      {readOnly && user.tags.length === 0 ? (
        <p className="text-[13px] text-fg-muted">No tags.</p>
      ) : (
        <TagEditor tags={tags} onChange={setTags} errors={errors} disabled={!!readOnly} max={LIMITS.tagsPerEntity} />
      )}
    </Card>
  );
}
