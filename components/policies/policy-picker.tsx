"use client";
import { useDeferredValue, useId, useState } from "react";
import { Eye } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PickList, type PickItem } from "@/components/ui/pick-list";
import { useQuery } from "@tanstack/react-query";
import { ApiError, fetchJson } from "@/components/api/fetch-json";
import { policyApi, policyKeys, usePoliciesQuery, type ManagedPolicyDto, type PolicyListState } from "./policy-queries";
import { PolicyPreviewDialog } from "./policy-preview-dialog";

const NAME = /^[\w+=,.@-]{1,128}$/;

type TypeFilter = NonNullable<PolicyListState["scope"]>;
const TYPE_FILTERS: { id: TypeFilter; label: string }[] = [
  { id: "All", label: "All types" },
  { id: "AWS", label: "AWS managed" },
  { id: "Local", label: "Customer managed" },
];

/** The policy named exactly as typed, if any, so "ReadOnlyAccess" is on top rather than among 198 matches. */
function useExactPolicy(name: string) {
  return useQuery({
    queryKey: [...policyKeys.detail({ name }), "exact"],
    enabled: NAME.test(name),
    queryFn: () => fetchJson<ManagedPolicyDto>(policyApi({ name })).catch((e) => (e instanceof ApiError && e.status < 500 ? null : Promise.reject(e))),
  }).data;
}

const matchesType = (p: ManagedPolicyDto, type: TypeFilter) => type === "All" || p.awsManaged === (type === "AWS");

/**
 * Search the managed-policy catalogue (AWS-managed and this account's) and pick one or several.
 * `disabledArns` are shown but not selectable (e.g. already attached). `browse` adds the AWS console's filter by
 * policy type and a Preview of each policy's document.
 */
export function PolicyPicker({ mode, selected, onChange, disabledArns = [], label = "Search policies", browse = false, testIdPrefix = "policy" }: {
  mode: "single" | "multiple";
  selected: string[];
  onChange: (arns: string[]) => void;
  disabledArns?: string[];
  label?: string;
  browse?: boolean;
  /** Names the search box and results (`<prefix>-search`, `<prefix>-results`), so two pickers on a page stay distinct. */
  testIdPrefix?: string;
}) {
  const [search, setSearch] = useState("");
  const [type, setType] = useState<TypeFilter>("All");
  const [previewing, setPreviewing] = useState<ManagedPolicyDto | null>(null);
  const typeName = useId();
  const deferred = useDeferredValue(search.trim());
  const { data, isPending, error, refetch } = usePoliciesQuery({ search: deferred, scope: type === "All" ? undefined : type, pageSize: 50 });
  const found = useExactPolicy(deferred);
  const exact = found && matchesType(found, type) ? found : null;
  const policies = data && exact ? [exact, ...data.items.filter((p) => p.arn !== exact.arn)] : data?.items;
  const byArn = new Map(policies?.map((p) => [p.arn, p]));
  const items = policies?.map((p): PickItem => {
    const disabled = disabledArns.includes(p.arn);
    return {
      value: p.arn,
      label: p.name,
      detail: p.arn,
      disabled,
      badge: disabled ? <Badge>Attached</Badge> : <Badge tone={p.awsManaged ? "neutral" : "accent"}>{p.awsManaged ? "AWS managed" : "Customer"}</Badge>,
    };
  });

  return (
    <div className="flex flex-col gap-2">
      {browse && (
        <fieldset className="flex flex-wrap gap-1" data-testid={`${testIdPrefix}-type-filter`}>
          <legend className="sr-only">Filter by type</legend>
          {TYPE_FILTERS.map((f) => (
            <label key={f.id} className="cursor-pointer rounded-md border border-border px-2.5 py-1 text-xs font-medium text-fg-muted has-[:checked]:border-accent has-[:checked]:bg-accent-soft has-[:checked]:text-accent-soft-fg has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring">
              <input type="radio" name={typeName} className="sr-only" checked={type === f.id} onChange={() => setType(f.id)} data-testid={`${testIdPrefix}-type-${f.id.toLowerCase()}`} />
              {f.label}
            </label>
          ))}
        </fieldset>
      )}
      <PickList mode={mode} items={items} selected={selected} onChange={onChange} search={search} onSearch={setSearch}
        label={label} placeholder={`${label} (e.g. ReadOnly)`} listLabel="Managed policies" loading={isPending} error={error} onRetry={() => refetch()}
        empty={<>No {type === "All" ? "" : `${TYPE_FILTERS.find((f) => f.id === type)!.label.toLowerCase()} `}policy matches “{deferred}”.</>}
        searchTestId={`${testIdPrefix}-search`} resultsTestId={`${testIdPrefix}-results`}
        aside={browse ? (item) => (
          <Button size="sm" variant="ghost" aria-label={`Preview ${item.label}`} data-testid={`preview-${item.label}`} onClick={() => setPreviewing(byArn.get(item.value) ?? null)} icon={<Eye aria-hidden className="size-4" />} />
        ) : undefined}
        more={data && data.total > data.items.length && <>Showing {data.items.length} of {data.total.toLocaleString()} — refine the search to narrow it down.</>} />
      {browse && <PolicyPreviewDialog policy={previewing} onClose={() => setPreviewing(null)} />}
    </div>
  );
}
