"use client";
import { useState } from "react";
import { ChevronDown, ChevronRight } from "lucide-react";
import { LIMITS } from "@/lib/domain/schemas";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { usePolicyVersionsQuery, type PolicyDetailDto, type PolicyRef } from "../policy-queries";
import { useDeletePolicyVersionMutation, useSetDefaultVersionMutation } from "../policy-mutations";
import { PolicyDocumentView } from "./policy-document-view";
import { AWS_MANAGED_REASON } from "./policy-summary";

/** Up to five versions; the default is what IAM evaluates. Any other can become the default or be deleted. */
export function PolicyVersionsTab({ policy, policyRef }: { policy: PolicyDetailDto; policyRef: PolicyRef }) {
  const { data, error, refetch } = usePolicyVersionsQuery(policyRef);
  const setDefault = useSetDefaultVersionMutation(policyRef);
  const remove = useDeletePolicyVersionMutation(policyRef);
  const readOnly = useReadOnlyReason() ?? (policy.awsManaged ? AWS_MANAGED_REASON : undefined);
  const toast = useToast();
  const [open, setOpen] = useState<string | null>(null);
  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => toast({ tone: "success", title: done }), (e: Error) => toast({ tone: "error", title: "Version not changed", message: e.message }));

  return (
    <Card padded={false} title={<span className="flex items-center gap-2">Policy versions <Badge>{data?.length ?? "…"} of {LIMITS.policyVersions}</Badge></span>}
      description="Editing saves a new default version. Make an older version the default to roll back.">
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : (
        <Table label="Policy versions" testId="policy-versions">
          <thead><tr><Th>Version</Th><Th>Created</Th><Th className="w-64"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((v) => (
              <Tr key={v.versionId} testId="policy-version-row">
                <Td colSpan={open === v.versionId ? 3 : undefined}>
                  <button type="button" className="inline-flex items-center gap-1.5 font-mono font-medium hover:text-accent" aria-expanded={open === v.versionId} onClick={() => setOpen(open === v.versionId ? null : v.versionId)}>
                    {open === v.versionId ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
                    <span data-testid="policy-version-id">{v.versionId}</span>
                  </button>
                  {v.isDefault && <Badge tone="success" className="ml-2">Default</Badge>}
                  {open === v.versionId && <PolicyDocumentView document={v.document} className="mt-3" />}
                </Td>
                {open !== v.versionId && <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDateTime(v.createdAt)}</Td>}
                {open !== v.versionId && (
                  <Td className="text-right whitespace-nowrap">
                    {!v.isDefault && <>
                      <Button size="sm" variant="ghost" disabledReason={readOnly} loading={setDefault.isPending && setDefault.variables === v.versionId} onClick={() => run(setDefault.mutateAsync(v.versionId), `${v.versionId} is now the default`)} data-testid="set-default-version">Set as default</Button>
                      <Button size="sm" variant="ghost" disabledReason={readOnly} loading={remove.isPending && remove.variables === v.versionId} onClick={() => run(remove.mutateAsync(v.versionId), `Deleted ${v.versionId}`)} data-testid="delete-version" aria-label={`Delete ${v.versionId}`}>Delete</Button>
                    </>}
                  </Td>
                )}
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
