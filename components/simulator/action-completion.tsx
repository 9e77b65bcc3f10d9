"use client";
import { useState } from "react";
import type { ActionSuggestion } from "@/lib/domain/simulation-types";
import { fetchJson } from "@/components/api/fetch-json";
import { Plus } from "lucide-react";
import type { ContextKeyType } from "@/lib/domain/simulation-schemas";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useActionHelp, useActionSuggestions } from "./simulator-queries";

const ALL_ACTIONS = /^([a-z0-9-]+):\*$/i;

/**
 * Type to find an action of the catalogue; Enter or Add puts it in the actions. `service:*` adds every action of
 * the service by name, as the simulator evaluates named actions only (as AWS's does).
 */
export function ActionPicker({ onAdd }: { onAdd: (actions: string[]) => void }) {
  const [q, setQ] = useState("");
  const [error, setError] = useState<string | null>(null);
  const suggestions = useActionSuggestions(q);
  const add = async () => {
    const action = q.trim();
    if (!action) return;
    const service = ALL_ACTIONS.exec(action)?.[1];
    setError(null);
    if (service) {
      const all = await fetchJson<{ items: ActionSuggestion[] }>(`/api/console/simulations/actions?service=${encodeURIComponent(service)}`).catch(() => null);
      if (!all?.items.length) return setError(`The catalogue has no service ${service}.`);
      onAdd(all.items.map((i) => i.action));
    } else onAdd([action]);
    setQ("");
  };
  return (
    <div className="flex flex-col gap-1">
    <div className="flex items-center gap-2">
      <Input
        aria-label="Find an action"
        list="simulator-action-suggestions"
        className="flex-1"
        value={q}
        placeholder="Find an action: s3:Get, kms, sts:Assume…"
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            add();
          }
        }}
        autoComplete="off"
        spellCheck={false}
        data-testid="simulator-action-search"
      />
      <datalist id="simulator-action-suggestions" data-testid="simulator-action-suggestions">
        {suggestions.data?.items.map((s) => (
          <option key={s.action} value={s.action} label={s.accessLevel} />
        ))}
      </datalist>
      <Button type="button" size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={add} disabledReason={q.trim() ? undefined : "Type an action first."} data-testid="simulator-action-add">
        Add
      </Button>
    </div>
      {error && <p className="text-[13px] text-danger" role="alert">{error}</p>}
    </div>
  );
}

/** A catalogue ARN pattern with the partition filled in: the rest of `${…}` stays for the user to replace. */
const withPartition = (pattern: string) => pattern.replace("${Partition}", "aws");

/**
 * For the chosen actions: the ARN patterns of the resources each takes (one click adds one to the resources) and
 * the context keys they support with their types (one click adds an entry of that type).
 */
export function ActionHints({ actions, onResource, onContextKey }: { actions: string[]; onResource: (arn: string) => void; onContextKey: (key: string, type: ContextKeyType) => void }) {
  const help = useActionHelp(actions);
  if (actions.length === 0 || !help.data) return null;
  const keys = new Map<string, ContextKeyType>();
  for (const a of help.data.items) for (const k of a.conditionKeys) if (!keys.has(k.key)) keys.set(k.key, k.type);
  return (
    <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface-2/40 p-3 md:col-span-2" data-testid="simulator-action-hints">
      <div className="flex flex-col gap-1.5">
        <p className="text-[13px] font-medium text-fg">Resources these actions take</p>
        <ul className="flex flex-col gap-1">
          {help.data.items.map((a) => (
            <li key={a.action} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-[13px]">
              <span className="font-mono text-[12.5px] text-fg">{a.action}</span>
              {!a.known ? (
                <span className="text-warning-soft-fg">not in the catalogue</span>
              ) : a.resources.length === 0 ? (
                <span className="text-fg-muted">no resource type: it applies to *</span>
              ) : (
                a.resources.map((r) => (
                  <button key={r.arn} type="button" className="rounded border border-border bg-surface px-1.5 py-0.5 font-mono text-[12px] text-fg hover:border-accent focus-visible:outline-2 focus-visible:outline-accent" title={`Add a ${r.type} resource`} onClick={() => onResource(withPartition(r.arn))} data-testid="simulator-resource-pattern">
                    {withPartition(r.arn)}
                  </button>
                ))
              )}
            </li>
          ))}
        </ul>
      </div>
      {keys.size > 0 && (
        <div className="flex flex-col gap-1.5">
          <p className="text-[13px] font-medium text-fg">Context keys they support <span className="font-normal text-fg-muted">(besides the global aws:… keys)</span></p>
          <ul className="flex flex-wrap gap-1.5">
            {[...keys].map(([key, type]) => (
              <li key={key}>
                <button type="button" className="rounded border border-border bg-surface px-1.5 py-0.5 text-[12px] hover:border-accent focus-visible:outline-2 focus-visible:outline-accent" onClick={() => onContextKey(key, type)} data-testid="simulator-context-key">
                  <span className="font-mono text-fg">{key}</span> <span className="text-fg-muted">{type}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
