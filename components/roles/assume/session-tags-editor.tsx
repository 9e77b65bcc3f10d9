"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { LIMITS } from "@/lib/domain/limits";

export interface SessionTagRow {
  Key: string;
  Value: string;
  /** Passed on to sessions this one assumes (TransitiveTagKeys). */
  transitive: boolean;
}

/** Session tags as key/value rows, each with a "transitive" checkbox; validation is the shared STS schema's. */
export function SessionTagsEditor({ tags, onChange, errors = {} }: { tags: SessionTagRow[]; onChange: (t: SessionTagRow[]) => void; errors?: Record<number, string> }) {
  const set = (i: number, patch: Partial<SessionTagRow>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <div className="flex flex-col gap-2" data-testid="session-tags">
      {tags.length > 0 && (
        <div className="grid grid-cols-[1fr_1fr_6.5rem_auto] gap-2 text-xs font-medium text-fg-muted" aria-hidden>
          <span>Key</span>
          <span>Value</span>
          <span>Transitive</span>
          <span className="w-8" />
        </div>
      )}
      {tags.map((t, i) => (
        <div key={i} className="flex flex-col gap-1">
          <div className="grid grid-cols-[1fr_1fr_6.5rem_auto] items-center gap-2">
            <Input aria-label={`Session tag ${i + 1} key`} data-testid={`session-tag-key-${i}`} value={t.Key} invalid={!!errors[i]} onChange={(e) => set(i, { Key: e.target.value })} />
            <Input aria-label={`Session tag ${i + 1} value`} data-testid={`session-tag-value-${i}`} value={t.Value} placeholder="(empty)" onChange={(e) => set(i, { Value: e.target.value })} />
            <label className="flex items-center gap-2 text-[13px] text-fg-muted">
              <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={t.transitive} data-testid={`session-tag-transitive-${i}`} onChange={(e) => set(i, { transitive: e.target.checked })} />
              <span>Transitive<span className="sr-only"> (tag {i + 1})</span></span>
            </label>
            <Button variant="ghost" size="sm" aria-label={`Remove session tag ${i + 1}`} onClick={() => onChange(tags.filter((_, j) => j !== i))} icon={<Trash2 aria-hidden className="size-4" />} />
          </div>
          {errors[i] && <p className="text-[13px] text-danger" role="alert">{errors[i]}</p>}
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={() => onChange([...tags, { Key: "", Value: "", transitive: false }])} disabled={tags.length >= LIMITS.sessionTags} icon={<Plus aria-hidden className="size-4" />} data-testid="add-session-tag">
          Add session tag
        </Button>
        <span className="text-xs text-fg-subtle">{tags.length} of {LIMITS.sessionTags}</span>
      </div>
    </div>
  );
}
