"use client";
import { LIMITS } from "@/lib/domain/limits";
import { TagEditor, type TagColumn } from "../tag-editor";

export interface SessionTagRow {
  Key: string;
  Value: string;
  /** Passed on to sessions this one assumes (TransitiveTagKeys). */
  transitive: boolean;
}

const transitive: TagColumn<SessionTagRow> = {
  label: "Transitive",
  width: "6.5rem",
  render: (t, set, i) => (
    <label className="flex items-center gap-2 text-[13px] text-fg-muted">
      <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={t.transitive} data-testid={`session-tag-transitive-${i}`} onChange={(e) => set({ transitive: e.target.checked })} />
      <span>Transitive<span className="sr-only"> (session tag {i + 1})</span></span>
    </label>
  ),
};

/** Session tags as key/value rows, each with a "transitive" checkbox; validation is the shared STS schema's. */
export function SessionTagsEditor({ tags, onChange, errors }: { tags: SessionTagRow[]; onChange: (t: SessionTagRow[]) => void; errors?: Record<number, string> }) {
  return <TagEditor tags={tags} onChange={onChange} errors={errors} max={LIMITS.sessionTags} column={transitive} blank={() => ({ Key: "", Value: "", transitive: false })} noun="session tag" />;
}
