"use client";
import { useDeferredValue, useId, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { Badge } from "@/components/ui/badge";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { cn } from "@/components/ui/cn";
import { useQuery } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/components/api/fetch-json";
import { policyApi, policyKeys, usePoliciesQuery, type ManagedPolicyDto } from "./policy-queries";

const NAME = /^[\w+=,.@-]{1,128}$/;

/** The policy named exactly as typed, if any, so "ReadOnlyAccess" is on top rather than among 198 matches. */
function useExactPolicy(name: string) {
  return useQuery({
    queryKey: [...policyKeys.detail({ name }), "exact"],
    enabled: NAME.test(name),
    queryFn: () => fetchJson<ManagedPolicyDto>(policyApi({ name })).catch((e) => (e instanceof ApiError && e.status < 500 ? null : Promise.reject(e))),
  }).data;
}

/**
 * Search the managed-policy catalogue (AWS-managed and this account's) and pick one or several.
 * `disabledArns` are shown but not selectable (e.g. already attached).
 */
export function PolicyPicker({ mode, selected, onChange, disabledArns = [], label = "Search policies" }: {
  mode: "single" | "multiple";
  selected: string[];
  onChange: (arns: string[]) => void;
  disabledArns?: string[];
  label?: string;
}) {
  const [search, setSearch] = useState("");
  const deferred = useDeferredValue(search.trim());
  const { data, isPending, error, refetch } = usePoliciesQuery({ search: deferred, pageSize: 50 });
  const exact = useExactPolicy(deferred);
  const items = data && exact ? [exact, ...data.items.filter((p) => p.arn !== exact.arn)] : data?.items;
  const searchId = useId();
  const toggle = (arn: string) =>
    mode === "single" ? onChange(selected[0] === arn ? [] : [arn]) : onChange(selected.includes(arn) ? selected.filter((a) => a !== arn) : [...selected, arn]);

  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <label htmlFor={searchId} className="sr-only">{label}</label>
        <Input id={searchId} data-testid="policy-search" type="search" placeholder={`${label} (e.g. ReadOnly)`} value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
      </div>
      {error && <ErrorState title="Could not search the catalogue" message={error.message} onRetry={() => refetch()} />}
      <ul aria-label="Managed policies" className="max-h-72 overflow-y-auto rounded-lg border border-border" data-testid="policy-results">
        {isPending
          ? Array.from({ length: 5 }, (_, i) => <li key={i} className="p-2.5"><Skeleton className="h-6" /></li>)
          : items?.map((p) => {
              const disabled = disabledArns.includes(p.arn);
              const checked = selected.includes(p.arn);
              return (
                <li key={p.arn} className="border-b border-border last:border-b-0">
                  <label className={cn("flex cursor-pointer items-center gap-3 px-3 py-2 hover:bg-surface-2", disabled && "cursor-not-allowed opacity-60", checked && "bg-accent-soft/60")}>
                    <input
                      type={mode === "single" ? "radio" : "checkbox"}
                      name="policy-pick"
                      checked={checked || disabled}
                      disabled={disabled}
                      onChange={() => toggle(p.arn)}
                      className="size-4 accent-[var(--accent)]"
                      data-testid={`pick-${p.name}`}
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium">{p.name}</span>
                      <span className="block truncate font-mono text-[11px] text-fg-subtle">{p.arn}</span>
                    </span>
                    {disabled ? <Badge>Attached</Badge> : <Badge tone={p.awsManaged ? "neutral" : "accent"}>{p.awsManaged ? "AWS managed" : "Customer"}</Badge>}
                  </label>
                </li>
              );
            })}
        {data && data.items.length === 0 && <li className="px-3 py-6 text-center text-[13px] text-fg-muted">No policy matches “{deferred}”.</li>}
      </ul>
      {data && data.total > data.items.length && (
        <p className="text-xs text-fg-subtle">Showing {data.items.length} of {data.total.toLocaleString()} — refine the search to narrow it down.</p>
      )}
    </div>
  );
}
