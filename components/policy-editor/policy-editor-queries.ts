"use client";
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/components/api/fetch-json";
import { installCatalogue, isCatalogueLoaded, type CatalogueData, type PolicyKind } from "@/lib/policy";
import type { PrincipalSuggestion } from "@/lib/domain/types";
import type { PolicyReview } from "@/lib/policy";

export const policyEditorKeys = {
  all: ["policy-editor"] as const,
  catalogue: () => [...policyEditorKeys.all, "catalogue"] as const,
  principals: () => [...policyEditorKeys.all, "principals"] as const,
  validation: (kind: PolicyKind, inline: boolean, document: string) => [...policyEditorKeys.all, "validation", kind, inline, document] as const,
};

/**
 * The action/condition-key catalogue, fetched once per page load and installed into lib/policy so that
 * validation in the browser includes "does this action exist". Kept out of the main bundle on purpose.
 * Returns true once installed.
 */
export function useCatalogueQuery(): boolean {
  const q = useQuery({
    queryKey: policyEditorKeys.catalogue(),
    queryFn: async () => {
      if (isCatalogueLoaded()) return true;
      installCatalogue(await fetchJson<CatalogueData>("/api/console/policy-catalogue"));
      return true;
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return q.data === true;
}

export function usePrincipalSuggestionsQuery(enabled: boolean) {
  return useQuery({
    queryKey: policyEditorKeys.principals(),
    queryFn: () => fetchJson<{ items: PrincipalSuggestion[] }>("/api/console/principal-suggestions"),
    select: (d) => d.items,
    enabled,
    staleTime: 60_000,
  });
}

/** The store-aware check of `document` (principal existence, IAM's verdict), asked ~300 ms after typing stops. */
export function useStoreValidationQuery(document: string, kind: PolicyKind, inline: boolean, enabled: boolean) {
  const debounced = useDebounced(document, 300);
  const q = useQuery({
    queryKey: policyEditorKeys.validation(kind, inline, debounced),
    queryFn: async ({ signal }) => {
      const res = await fetch("/api/console/policy-validation", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ document: debounced, kind, inline: inline || undefined }),
        credentials: "same-origin",
        signal,
      });
      if (!res.ok) throw new Error(`Policy validation failed (${res.status}).`);
      return { text: debounced, ...((await res.json()) as PolicyReview) };
    },
    enabled,
    staleTime: 30_000,
    gcTime: 60_000,
    placeholderData: keepPreviousData,
  });
  return { ...q, upToDate: q.data?.text === document && !q.isPlaceholderData };
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}
