"use client";
import { useState } from "react";
import { FileCode2, Plus } from "lucide-react";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import type { InlinePolicy } from "@/lib/domain/types";
import type { InlinePolicyInput } from "@/lib/domain/schemas";
import { policySize } from "@/lib/policy";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { InlinePolicyDialog } from "./inline-policy-dialog";
import { ownerTestId, type OwnerCardProps } from "./owner";
import { PRINCIPAL_RULES } from "@/lib/domain/principal-kinds";
import { REVOKE_POLICY_NAME } from "@/lib/domain/sts-types";
import { InfoLink } from "@/components/concepts/info-link";

export interface InlinePoliciesCardProps extends OwnerCardProps {
  policies: UseQueryResult<InlinePolicy[], Error>;
  /** PutRolePolicy or PutUserPolicy. */
  put: UseMutationResult<unknown, Error, InlinePolicyInput>;
  /** DeleteRolePolicy or DeleteUserPolicy, taking the policy name. */
  remove: UseMutationResult<unknown, Error, string>;
}

/** Inline policies live inside their role or user, and go when it goes. */
export function InlinePoliciesCard({ owner, policies, put, remove, locked }: InlinePoliciesCardProps) {
  /** The aggregate size IAM allows across the owner's inline policies. */
  const sizeQuota = PRINCIPAL_RULES[owner.kind].inlinePolicySizeQuota;
  const { data, error, refetch } = policies;
  const readOnly = useReadOnlyReason() ?? locked;
  const toast = useToast();
  const [editing, setEditing] = useState<InlinePolicy | "new" | null>(null);
  const id = (s: string) => ownerTestId(owner.kind, s);
  const used = data?.reduce((n, p) => n + policySize(p.document), 0) ?? 0;
  const usage = ` ${used.toLocaleString()} of ${sizeQuota.toLocaleString()} characters used (whitespace not counted).`;

  const onDelete = (name: string) =>
    remove.mutateAsync(name).then(
      () => toast({ tone: "success", title: `Deleted inline policy ${name}` }),
      (e: Error) => toast({ tone: "error", title: `Could not delete ${name}`, message: e.message }),
    );

  return (
    <Card padded={false} title="Inline policies" info={<InfoLink concept="permissions-policy" />} description={`Policies embedded in this ${owner.kind} only.${usage}`}
      actions={<Button size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={() => setEditing("new")} disabledReason={readOnly} data-testid={id("add-inline-policy")}>Add inline policy</Button>}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<FileCode2 aria-hidden className="size-5" />} title="No inline policies" />
      ) : (
        <Table label="Inline policies" testId={id("inline-policies")}>
          <thead><tr><Th>Name</Th><Th>Size</Th><Th className="w-44"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((p) => (
              <Tr key={p.name} testId={id("inline-policy-row")}>
                <Td>
                  <span className="font-medium">{p.name}</span>
                  {owner.kind === "role" && p.name === REVOKE_POLICY_NAME && (
                    <p className="mt-0.5 text-xs text-fg-muted" data-testid="revoke-policy-note">Written by Revoke active sessions: denies every action to this role&apos;s sessions issued before its time (AWS&apos;s own policy).</p>
                  )}
                </Td>
                <Td className="text-[13px] text-fg-muted tabular-nums">{policySize(p.document).toLocaleString()} chars</Td>
                <Td className="text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(p)} aria-label={`View ${p.name}`}>{readOnly ? "View" : "View / edit"}</Button>
                  <Button size="sm" variant="ghost" disabledReason={readOnly} onClick={() => onDelete(p.name)} aria-label={`Delete ${p.name}`}>Delete</Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <InlinePolicyDialog policy={editing === "new" ? null : editing} open={editing !== null} onClose={() => setEditing(null)} readOnly={readOnly} put={put} idFor={id} />
    </Card>
  );
}
