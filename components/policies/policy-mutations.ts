"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import type { CreatePolicyInput } from "@/lib/domain/schemas";
import { policyApi, policyKeys, type ManagedPolicyDto, type PolicyRef, type PolicyVersionDto } from "./policy-queries";

/** A change to one policy refreshes every view of it (whatever scope it was opened with) and the lists. */
function usePolicyMutation<V, R = void>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: policyKeys.all }) });
}

export const useCreatePolicyMutation = () =>
  usePolicyMutation((input: CreatePolicyInput) => fetchJson<ManagedPolicyDto>("/api/console/policies", { method: "POST", body: input }));

/** The console's edit: the document becomes a new default version (the oldest non-default goes when five exist). */
export const useSavePolicyDocumentMutation = (ref: PolicyRef) =>
  usePolicyMutation((PolicyDocument: string) => fetchJson<PolicyVersionDto>(policyApi(ref), { method: "PUT", body: { PolicyDocument } }));

export const useSetDefaultVersionMutation = (ref: PolicyRef) =>
  usePolicyMutation((versionId: string) => fetchJson(policyApi(ref, `/versions/${encodeURIComponent(versionId)}`), { method: "PUT" }));

export const useDeletePolicyVersionMutation = (ref: PolicyRef) =>
  usePolicyMutation((versionId: string) => fetchJson(policyApi(ref, `/versions/${encodeURIComponent(versionId)}`), { method: "DELETE" }));

export function useDeletePolicyMutation(ref: PolicyRef) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => fetchJson(policyApi(ref), { method: "DELETE" }),
    onSuccess: () => {
      qc.removeQueries({ queryKey: policyKeys.detail(ref) });
      return qc.invalidateQueries({ queryKey: policyKeys.all });
    },
  });
}
