"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson, type Jsonified } from "@/components/api/fetch-json";
import type { AccessKeyMetadata, NewAccessKey } from "@/lib/domain/types";
import { usePrincipalMutation } from "@/components/permissions/principal-queries";
import { userApi, userKeys } from "./user-queries";

export type AccessKeyDto = Jsonified<AccessKeyMetadata>;
export type NewAccessKeyDto = Jsonified<NewAccessKey>;

const keysApi = (user: string, id = "") => userApi(user, `/access-keys${id ? `/${encodeURIComponent(id)}` : ""}`);

export const useAccessKeysQuery = (user: string) =>
  useQuery({ queryKey: userKeys.accessKeys(user), queryFn: () => fetchJson<AccessKeyDto[]>(keysApi(user)) });

/** The secret lives only in this mutation's result (component state), never in the query cache. */
export const useCreateAccessKeyMutation = (user: string) =>
  usePrincipalMutation("user", user, () => fetchJson<NewAccessKeyDto>(keysApi(user), { method: "POST" }));

export const useUpdateAccessKeyMutation = (user: string) =>
  usePrincipalMutation("user", user, (v: { id: string; Status: "Active" | "Inactive" }) =>
    fetchJson(keysApi(user, v.id), { method: "PATCH", body: { Status: v.Status } }),
  );

export const useDeleteAccessKeyMutation = (user: string) =>
  usePrincipalMutation("user", user, (id: string) => fetchJson(keysApi(user, id), { method: "DELETE" }));
