"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Tag } from "@/lib/domain/schemas";

/** Key/value rows; validation is the shared tag schema's, run by the form that owns the list. */
export function TagEditor({ tags, onChange, errors = {}, disabled, max }: {
  tags: Tag[];
  onChange: (tags: Tag[]) => void;
  errors?: Record<number, string>;
  disabled?: boolean;
  max: number;
}) {
  const set = (i: number, patch: Partial<Tag>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <div className="flex flex-col gap-2" data-testid="tag-editor">
      {tags.length > 0 && (
        <div className="grid grid-cols-[1fr_1fr_auto] gap-2 text-xs font-medium text-fg-muted" aria-hidden>
          <span>Key</span>
          <span>Value</span>
          <span className="w-8" />
        </div>
      )}
      {tags.map((t, i) => (
        <div key={i} className="flex flex-col gap-1">
          <div className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
            <Input aria-label={`Tag ${i + 1} key`} data-testid={`tag-key-${i}`} value={t.Key} disabled={disabled} invalid={!!errors[i]} onChange={(e) => set(i, { Key: e.target.value })} />
            <Input aria-label={`Tag ${i + 1} value`} data-testid={`tag-value-${i}`} value={t.Value} disabled={disabled} placeholder="(empty)" onChange={(e) => set(i, { Value: e.target.value })} />
            <Button variant="ghost" size="sm" aria-label={`Remove tag ${i + 1}`} disabled={disabled} onClick={() => onChange(tags.filter((_, j) => j !== i))} icon={<Trash2 aria-hidden className="size-4" />} />
          </div>
          {errors[i] && <p className="text-[13px] text-danger" role="alert">{errors[i]}</p>}
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={() => onChange([...tags, { Key: "", Value: "" }])} disabled={disabled || tags.length >= max} icon={<Plus aria-hidden className="size-4" />} data-testid="add-tag">
          Add tag
        </Button>
        <span className="text-xs text-fg-subtle">{tags.length} of {max}</span>
      </div>
    </div>
  );
}
