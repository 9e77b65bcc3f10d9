"use client";
import { useDeferredValue, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { PickList, type PickItem } from "@/components/ui/pick-list";
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
  const policies = data && exact ? [exact, ...data.items.filter((p) => p.arn !== exact.arn)] : data?.items;
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
    <PickList mode={mode} items={items} selected={selected} onChange={onChange} search={search} onSearch={setSearch}
      label={label} placeholder={`${label} (e.g. ReadOnly)`} listLabel="Managed policies" loading={isPending} error={error} onRetry={() => refetch()}
      empty={<>No policy matches “{deferred}”.</>} searchTestId="policy-search" resultsTestId="policy-results"
      more={data && data.total > data.items.length && <>Showing {data.items.length} of {data.total.toLocaleString()} — refine the search to narrow it down.</>} />
  );
}
