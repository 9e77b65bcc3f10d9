"use client";
import { useState } from "react";
import { Link2, Plus } from "lucide-react";
import { LIMITS } from "@/lib/iam/schemas";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useDetachPolicyMutation, useRoleAttachedPoliciesQuery, type RoleDto } from "../role-queries";
import { AttachPolicyDialog } from "./attach-policy-dialog";

export function AttachedPoliciesCard({ role, locked }: { role: RoleDto; locked?: string }) {
  const { data, error, refetch } = useRoleAttachedPoliciesQuery(role.name);
  const detach = useDetachPolicyMutation(role.name);
  const readOnly = useReadOnlyReason() ?? locked;
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const max = LIMITS.managedPoliciesPerRole;
  const full = (data?.length ?? 0) >= max;

  const onDetach = (arn: string, name: string) =>
    detach.mutateAsync(arn).then(
      () => toast({ tone: "success", title: `Detached ${name}` }),
      (e: Error) => toast({ tone: "error", title: `Could not detach ${name}`, message: e.message }),
    );

  return (
    <Card
      padded={false}
      title={<span className="flex items-center gap-2">Managed policies <Badge tone={full ? "warning" : "neutral"}><span data-testid="attached-quota">{data?.length ?? 0} of {max}</span></Badge></span>}
      description="Policies shared across identities. AWS allows up to 10 per role by default."
      actions={<Button size="sm" variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={() => setOpen(true)} disabledReason={readOnly ?? (full ? `Quota reached: ${max} managed policies per role.` : undefined)} data-testid="attach-policy">Attach policies</Button>}
    >
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<Link2 aria-hidden className="size-5" />} title="No managed policies attached">This role grants nothing through managed policies.</EmptyState>
      ) : (
        <Table label="Attached managed policies" testId="attached-policies">
          <thead><tr><Th>Policy</Th><Th>Type</Th><Th className="w-28"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((p) => (
              <Tr key={p.policyArn} testId="attached-policy-row">
                <Td><p className="font-medium">{p.policyName}</p><p className="font-mono text-[11px] text-fg-subtle">{p.policyArn}</p></Td>
                <Td><Badge tone={p.policyArn.startsWith("arn:aws:iam::aws:") ? "neutral" : "accent"}>{p.policyArn.startsWith("arn:aws:iam::aws:") ? "AWS managed" : "Customer managed"}</Badge></Td>
                <Td className="text-right">
                  <Button size="sm" variant="ghost" disabledReason={readOnly} loading={detach.isPending && detach.variables === p.policyArn} onClick={() => onDetach(p.policyArn, p.policyName)} aria-label={`Detach ${p.policyName}`}>Detach</Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <AttachPolicyDialog role={role} open={open} onClose={() => setOpen(false)} attachedArns={data?.map((p) => p.policyArn) ?? []} />
    </Card>
  );
}
