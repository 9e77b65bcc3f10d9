"use client";
import { useState } from "react";
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Card } from "@/components/ui/states";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";

/**
 * A provider's list of short values (audiences, thumbprints): each with copy and remove, and a field to add one.
 * `add` and `remove` are the API calls; the server's refusal is shown in its words.
 */
export function ValueListCard({ title, description, values, noun, testId, max, placeholder, add, remove, empty }: {
  title: string;
  description: React.ReactNode;
  values: string[];
  /** Singular, for labels ("audience"). */
  noun: string;
  testId: string;
  max: number;
  placeholder: string;
  add: (value: string) => Promise<unknown>;
  remove: (value: string) => Promise<unknown>;
  empty: string;
}) {
  const readOnly = useReadOnlyReason();
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const run = async (what: Promise<unknown>, done: string) => {
    setBusy(true);
    await what.then(
      () => toast({ tone: "success", title: done }),
      (e: Error) => toast({ tone: "error", title: `Could not change ${noun}s`, message: e.message }),
    );
    setBusy(false);
  };
  return (
    <Card title={<>{title} <span className="ml-1 font-normal text-fg-muted tabular-nums" data-testid={`${testId}-count`}>{values.length} of {max}</span></>} description={description} padded={false}>
      {values.length === 0 ? (
        <p className="px-5 py-4 text-[13px] text-fg-muted">{empty}</p>
      ) : (
        <ul className="divide-y divide-border">
          {values.map((v) => (
            <li key={v} className="flex items-center gap-2 px-5 py-2" data-testid={`${testId}-row`}>
              <code className="min-w-0 flex-1 truncate font-mono text-[12.5px]">{v}</code>
              <CopyButton value={v} label={noun} />
              {!readOnly && <Button variant="ghost" size="sm" aria-label={`Remove ${noun} ${v}`} icon={<X aria-hidden className="size-4" />} disabled={busy} onClick={() => run(remove(v), `Removed ${noun}`)} data-testid={`remove-${testId}`} />}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <form className="flex gap-2 border-t border-border px-5 py-3" onSubmit={async (e) => {
          e.preventDefault();
          if (!draft.trim()) return;
          await run(add(draft.trim()), `Added ${noun}`);
          setDraft("");
        }}>
          <label htmlFor={`${testId}-new`} className="sr-only">New {noun}</label>
          <Input id={`${testId}-new`} value={draft} placeholder={placeholder} className="font-mono text-[13px]" onChange={(e) => setDraft(e.target.value)} data-testid={`${testId}-input`} />
          <Button type="submit" size="md" icon={<Plus aria-hidden className="size-4" />} loading={busy} disabled={values.length >= max} data-testid={`add-${testId}`}>Add</Button>
        </form>
      )}
    </Card>
  );
}
