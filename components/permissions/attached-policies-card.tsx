"use client";
import { useState } from "react";
import Link from "next/link";
import { Link2, Plus } from "lucide-react";
import type { UseMutationResult, UseQueryResult } from "@tanstack/react-query";
import type { AttachedPolicy } from "@/lib/domain/types";
import { PRINCIPAL_RULES, type PrincipalKind } from "@/lib/domain/principal-kinds";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { toPolicyByArn } from "@/components/policies/routes";
import { AttachPolicyDialog } from "./attach-policy-dialog";
import { ownerTestId, type OwnerCardProps } from "./owner";
import { InfoLink } from "@/components/concepts/info-link";

/** A role grants its permissions to whoever assumes it; a user holds its own; a group's go to its members. */
const NOTHING_ATTACHED: Record<PrincipalKind, string> = {
  role: "This role grants nothing through managed policies.",
  user: "This user is granted nothing through managed policies of its own.",
  group: "This group grants its members nothing through managed policies.",
};

export interface AttachedPoliciesCardProps extends OwnerCardProps {
  policies: UseQueryResult<AttachedPolicy[], Error>;
  /** AttachRolePolicy or AttachUserPolicy, taking the policy ARN. */
  attach: UseMutationResult<unknown, Error, string>;
  /** DetachRolePolicy or DetachUserPolicy, taking the policy ARN. */
  detach: UseMutationResult<unknown, Error, string>;
}

export function AttachedPoliciesCard({ owner, policies, attach, detach, locked }: AttachedPoliciesCardProps) {
  const quota = PRINCIPAL_RULES[owner.kind].managedPolicyQuota;
  const { data, error, refetch } = policies;
  const readOnly = useReadOnlyReason() ?? locked;
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const id = (s: string) => ownerTestId(owner.kind, s);
  const full = (data?.length ?? 0) >= quota;

  const onDetach = (arn: string, name: string) =>
    detach.mutateAsync(arn).then(
      () => toast({ tone: "success", title: `Detached ${name}` }),
      (e: Error) => toast({ tone: "error", title: `Could not detach ${name}`, message: e.message }),
    );

  return (
    <Card padded={false}
      info={<InfoLink concept="permissions-policy" />}
      title={<span className="flex items-center gap-2">Managed policies <Badge tone={full ? "warning" : "neutral"}><span data-testid={id("attached-quota")}>{data?.length ?? 0} of {quota}</span></Badge></span>}
      description={`Policies shared across identities. AWS allows up to ${quota} per ${owner.kind} by default.`}
      actions={<Button size="sm" variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={() => setOpen(true)} disabledReason={readOnly ?? (full ? `Quota reached: ${quota} managed policies per ${owner.kind}.` : undefined)} data-testid={id("attach-policy")}>Attach policies</Button>}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<Link2 aria-hidden className="size-5" />} title="No managed policies attached">{NOTHING_ATTACHED[owner.kind]}</EmptyState>
      ) : (
        <Table label="Attached managed policies" testId={id("attached-policies")}>
          <thead><tr><Th>Policy</Th><Th>Type</Th><Th className="w-28"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((p) => {
              const aws = p.policyArn.startsWith("arn:aws:iam::aws:");
              return (
                <Tr key={p.policyArn} testId={id("attached-policy-row")}>
                  <Td>
                    <Link href={toPolicyByArn(p.policyArn)} className="font-medium text-accent hover:underline">{p.policyName}</Link>
                    <p className="font-mono text-[11px] text-fg-subtle">{p.policyArn}</p>
                  </Td>
                  <Td><Badge tone={aws ? "neutral" : "accent"}>{aws ? "AWS managed" : "Customer managed"}</Badge></Td>
                  <Td className="text-right">
                    <Button size="sm" variant="ghost" disabledReason={readOnly} loading={detach.isPending && detach.variables === p.policyArn} onClick={() => onDetach(p.policyArn, p.policyName)} aria-label={`Detach ${p.policyName}`}>Detach</Button>
                  </Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      )}
      <AttachPolicyDialog owner={owner} open={open} onClose={() => setOpen(false)} attachedArns={data?.map((p) => p.policyArn) ?? []} attach={attach} />
    </Card>
  );
}
