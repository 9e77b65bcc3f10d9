"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { Tag } from "@/lib/domain/schemas";

/** A column beside key and value, e.g. session tags' "transitive" checkbox. */
export interface TagColumn<T extends Tag> {
  label: string;
  /** A CSS grid track, e.g. "6.5rem". */
  width: string;
  render: (tag: T, set: (patch: Partial<T>) => void, index: number) => React.ReactNode;
}

/**
 * Key/value rows; validation is the shared tag schema's, run by the form that owns the list. Rows may carry more
 * than a tag (`blank` makes a new one, `column` shows the rest).
 */
export function TagEditor<T extends Tag = Tag>({ tags, onChange, errors = {}, disabled, max, column, blank = () => ({ Key: "", Value: "" }) as T, noun = "tag" }: {
  tags: T[];
  onChange: (tags: T[]) => void;
  errors?: Record<number, string>;
  disabled?: boolean;
  max: number;
  column?: TagColumn<T>;
  blank?: () => T;
  /** "tag", or "session tag": labels read "Tag 1 key", "Add session tag". */
  noun?: string;
}) {
  const set = (i: number, patch: Partial<T>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  const grid = { gridTemplateColumns: `1fr 1fr ${column ? `${column.width} ` : ""}auto` };
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (
    <div className="flex flex-col gap-2" data-testid="tag-editor">
      {tags.length > 0 && (
        <div className="grid gap-2 text-xs font-medium text-fg-muted" style={grid} aria-hidden>
          <span>Key</span>
          <span>Value</span>
          {column && <span>{column.label}</span>}
          <span className="w-8" />
        </div>
      )}
      {tags.map((t, i) => (
        <div key={i} className="flex flex-col gap-1">
          <div className="grid items-center gap-2" style={grid}>
            <Input aria-label={`${Noun} ${i + 1} key`} data-testid={`tag-key-${i}`} value={t.Key} disabled={disabled} invalid={!!errors[i]} onChange={(e) => set(i, { Key: e.target.value } as Partial<T>)} />
            <Input aria-label={`${Noun} ${i + 1} value`} data-testid={`tag-value-${i}`} value={t.Value} disabled={disabled} placeholder="(empty)" onChange={(e) => set(i, { Value: e.target.value } as Partial<T>)} />
            {column?.render(t, (patch) => set(i, patch), i)}
            <Button variant="ghost" size="sm" aria-label={`Remove ${noun} ${i + 1}`} disabled={disabled} onClick={() => onChange(tags.filter((_, j) => j !== i))} icon={<Trash2 aria-hidden className="size-4" />} />
          </div>
          {errors[i] && <p className="text-[13px] text-danger" role="alert">{errors[i]}</p>}
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={() => onChange([...tags, blank()])} disabled={disabled || tags.length >= max} icon={<Plus aria-hidden className="size-4" />} data-testid="add-tag">
          Add {noun}
        </Button>
        <span className="text-xs text-fg-subtle">{tags.length} of {max}</span>
      </div>
    </div>
  );
}
