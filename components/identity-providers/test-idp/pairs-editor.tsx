"use client";
import { useId } from "react";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

export interface Pair {
  name: string;
  value: string;
}

/** Values separated by commas: `pwd, mfa` → ["pwd", "mfa"]. */
export const valuesOf = (value: string) => value.split(",").map((v) => v.trim()).filter(Boolean);

/**
 * Name/value rows for the claims or attributes a minted token or assertion carries; `suggestions` are offered as
 * names (a datalist), anything else may be typed.
 */
export function PairsEditor({ legend, hint, pairs, onChange, suggestions, noun, testId, error }: {
  legend: string;
  hint: string;
  pairs: Pair[];
  onChange: (pairs: Pair[]) => void;
  suggestions: string[];
  noun: string;
  testId: string;
  error?: string;
}) {
  const listId = useId();
  const set = (i: number, patch: Partial<Pair>) => onChange(pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <fieldset className="flex flex-col gap-2 sm:col-span-2">
      <legend className="mb-1 text-[13px] font-medium">{legend} <span className="ml-1 font-normal text-fg-subtle">optional</span></legend>
      <datalist id={listId}>{suggestions.map((s) => <option key={s} value={s} />)}</datalist>
      {pairs.map((p, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
          <Input aria-label={`${noun} ${i + 1} name`} list={listId} value={p.name} className="font-mono text-[12.5px]" onChange={(e) => set(i, { name: e.target.value })} data-testid={`${testId}-name-${i}`} />
          <Input aria-label={`${noun} ${i + 1} value`} value={p.value} onChange={(e) => set(i, { value: e.target.value })} data-testid={`${testId}-value-${i}`} />
          <Button variant="ghost" size="sm" aria-label={`Remove ${noun} ${i + 1}`} icon={<Trash2 aria-hidden className="size-4" />} onClick={() => onChange(pairs.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div className="flex items-center gap-3">
        <Button size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={() => onChange([...pairs, { name: "", value: "" }])} data-testid={`add-${testId}`}>Add {noun.toLowerCase()}</Button>
        <span className="text-[13px] text-fg-muted">{hint}</span>
      </div>
      {error && <p role="alert" className="text-[13px] text-danger">{error}</p>}
    </fieldset>
  );
}
