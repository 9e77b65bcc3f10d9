"use client";
import { useQuery } from "@tanstack/react-query";
import { fetchJson, withQuery } from "@/components/api/fetch-json";
import type { AttachedPolicy, InlinePolicy } from "@/lib/iam/types";
import { userApi, userKeys, useUserMutation } from "./user-queries";

export const useUserAttachedPoliciesQuery = (name: string) =>
  useQuery({ queryKey: userKeys.attached(name), queryFn: () => fetchJson<AttachedPolicy[]>(userApi(name, "/attached-policies")) });

export const useUserInlinePoliciesQuery = (name: string) =>
  useQuery({ queryKey: userKeys.inline(name), queryFn: () => fetchJson<InlinePolicy[]>(userApi(name, "/inline-policies")) });

export const useAttachUserPolicyMutation = (name: string) =>
  useUserMutation(name, (PolicyArn: string) => fetchJson(userApi(name, "/attached-policies"), { method: "POST", body: { PolicyArn } }), { policies: true });

export const useDetachUserPolicyMutation = (name: string) =>
  useUserMutation(name, (arn: string) => fetchJson(withQuery(userApi(name, "/attached-policies"), { arn }), { method: "DELETE" }), { policies: true });

const inlineApi = (user: string, policy: string) => userApi(user, `/inline-policies/${encodeURIComponent(policy)}`);

export const usePutUserInlinePolicyMutation = (name: string) =>
  useUserMutation(name, (v: { PolicyName: string; PolicyDocument: string }) => fetchJson(inlineApi(name, v.PolicyName), { method: "PUT", body: v }));

export const useDeleteUserInlinePolicyMutation = (name: string) =>
  useUserMutation(name, (policyName: string) => fetchJson(inlineApi(name, policyName), { method: "DELETE" }));

export const usePutUserBoundaryMutation = (name: string) =>
  useUserMutation(name, (PermissionsBoundary: string) => fetchJson(userApi(name, "/permissions-boundary"), { method: "PUT", body: { PermissionsBoundary } }), { policies: true });

export const useDeleteUserBoundaryMutation = (name: string) =>
  useUserMutation(name, () => fetchJson(userApi(name, "/permissions-boundary"), { method: "DELETE" }), { policies: true });
