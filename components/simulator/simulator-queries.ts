"use client";
import { useQuery } from "@tanstack/react-query";
import type { ActionHelp, ActionSuggestion, SessionPrincipal, SimulationView } from "@/lib/domain/simulation-types";
import type { PrincipalSuggestion } from "@/lib/domain/types";
import { fetchJson, withQuery, type Jsonified } from "@/components/api/fetch-json";
import type { simulationBody } from "./simulator-state";

export type SimulationBody = ReturnType<typeof simulationBody>;

/** One console simulation; the body is the key, so the same request is asked once. */
export function useSimulation(body: SimulationBody | null) {
  return useQuery({
    queryKey: ["simulation", body],
    queryFn: () => fetchJson<SimulationView>("/api/console/simulations", { method: "POST", body }),
    enabled: body !== null,
    retry: false,
  });
}

/** What the principal field offers: users and roles of every account the store holds, and this account's sessions. */
export interface PrincipalOption {
  value: string;
  label: string;
}

export function usePrincipalOptions() {
  const principals = useQuery({
    queryKey: ["policy-editor", "principals"],
    queryFn: () => fetchJson<{ items: PrincipalSuggestion[] }>("/api/console/principal-suggestions"),
    staleTime: 60_000,
  });
  const sessions = useQuery({
    queryKey: ["simulation", "sessions"],
    queryFn: () => fetchJson<{ items: Jsonified<SessionPrincipal>[] }>("/api/console/simulations/principals"),
    staleTime: 30_000,
  });
  const options: PrincipalOption[] = [
    ...(principals.data?.items ?? []).filter((p) => p.kind === "user" || p.kind === "role").map((p) => ({ value: p.value, label: `${p.kind} ${p.label}` })),
    ...(sessions.data?.items ?? []).map((s) => ({ value: s.arn, label: `role session of ${s.roleArn.slice(s.roleArn.lastIndexOf("/") + 1)}` })),
  ];
  return options;
}

export function useActionSuggestions(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: ["simulation", "actions", query.toLowerCase()],
    queryFn: () => fetchJson<{ items: ActionSuggestion[] }>(withQuery("/api/console/simulations/actions", { q: query })),
    enabled: query.length >= 2,
    staleTime: Infinity,
    placeholderData: (previous) => previous,
  });
}

export function useActionHelp(actions: string[]) {
  const chosen = actions.slice(0, 20);
  return useQuery({
    queryKey: ["simulation", "action-help", chosen],
    queryFn: () => fetchJson<{ items: ActionHelp[] }>(`/api/console/simulations/action-help?${new URLSearchParams(chosen.map((a) => ["action", a])).toString()}`),
    enabled: chosen.length > 0,
    staleTime: Infinity,
  });
}
