"use client";
import { useState } from "react";
import { LIMITS, type Tag } from "@/lib/domain/schemas";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { TagEditor } from "@/components/roles/tag-editor";
import { tagRowErrors } from "@/components/permissions/tags-card";
import { useProviderTagsMutation } from "../provider-queries";

/** A provider's tags, saved as one set (TagOpenIDConnectProvider / TagSAMLProvider and their Untag). */
export function ProviderTagsCard({ arn, tags: saved }: { arn: string; tags: Tag[] }) {
  const readOnly = useReadOnlyReason();
  const [tags, setTags] = useState<Tag[]>(saved);
  const [shown, setShown] = useState(saved);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const save = useProviderTagsMutation(arn);
  const toast = useToast();
  if (shown !== saved) {
    setShown(saved);
    setTags(saved);
  }
  const dirty = JSON.stringify(tags) !== JSON.stringify(saved);
  async function onSave() {
    const found = tagRowErrors(tags);
    setErrors(found);
    if (Object.keys(found).length) return;
    await save.mutateAsync(tags).then(
      () => toast({ tone: "success", title: "Tags saved" }),
      (e: Error) => toast({ tone: "error", title: "Tags not saved", message: e.message }),
    );
  }
  return (
    <Card title="Tags" description="Key-value labels for organising providers and for conditions on aws:ResourceTag. Keys are unique ignoring case."
      actions={!readOnly && <><Button size="sm" variant="ghost" disabled={!dirty} onClick={() => setTags(saved)}>Reset</Button><Button size="sm" variant="primary" disabled={!dirty} loading={save.isPending} onClick={onSave} data-testid="save-provider-tags">Save tags</Button></>}>
      {readOnly && saved.length === 0 ? <p className="text-[13px] text-fg-muted">No tags.</p> : <TagEditor tags={tags} onChange={setTags} errors={errors} disabled={!!readOnly} max={LIMITS.tagsPerEntity} />}
    </Card>
  );
}
