"use client";
import { useEffect, useState } from "react";
import { LIMITS, tagListSchema, type Tag } from "@/lib/iam/schemas";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { TagEditor } from "../tag-editor";
import { useReplaceTagsMutation, type RoleDto } from "../role-queries";

const same = (a: Tag[], b: Tag[]) => JSON.stringify(a) === JSON.stringify(b);

export function TagsTab({ role }: { role: RoleDto }) {
  const readOnly = useReadOnlyReason() ?? (role.serviceLinkedService ? "Service-linked roles cannot be tagged." : undefined);
  const [tags, setTags] = useState<Tag[]>(role.tags);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const save = useReplaceTagsMutation(role.name);
  const toast = useToast();
  useEffect(() => setTags(role.tags), [role.tags]);
  const dirty = !same(tags, role.tags);

  async function onSave() {
    const check = tagListSchema.safeParse(tags);
    const found: Record<number, string> = {};
    if (!check.success) for (const i of check.error.issues) if (typeof i.path[0] === "number") found[i.path[0]] ??= `${String(i.path[1] ?? "Tag")}: ${i.message.replace(/^Member must/, "must")}`;
    setErrors(found);
    if (Object.keys(found).length) return;
    await save.mutateAsync(tags).then(
      () => toast({ tone: "success", title: "Tags saved" }),
      (e: Error) => toast({ tone: "error", title: "Tags not saved", message: e.message }),
    );
  }

  return (
    <Card title="Tags" description="Key-value labels for organising roles and for attribute-based access control (aws:ResourceTag). Keys are unique ignoring case."
      actions={!readOnly && <><Button size="sm" variant="ghost" disabled={!dirty} onClick={() => setTags(role.tags)}>Reset</Button><Button size="sm" variant="primary" disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="save-tags">Save tags</Button></>}>
      {readOnly && role.tags.length === 0 ? (
        <p className="text-[13px] text-fg-muted">No tags.</p>
      ) : (
        <TagEditor tags={tags} onChange={setTags} errors={errors} disabled={!!readOnly} max={LIMITS.tagsPerEntity} />
      )}
    </Card>
  );
}
