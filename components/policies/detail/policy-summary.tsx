"use client";
import { useState } from "react";
import Link from "next/link";
import { Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { PolicyDetailDto, PolicyRef } from "../policy-queries";
import { PolicyTypeBadge } from "../policy-type-badge";
import { toPolicies } from "../routes";
import { DeletePolicyDialog } from "./delete-policy-dialog";

export const AWS_MANAGED_REASON = "AWS managed policies are maintained by AWS and cannot be changed or deleted.";

export function PolicySummary({ policy, policyRef }: { policy: PolicyDetailDto; policyRef: PolicyRef }) {
  const readOnly = useReadOnlyReason() ?? (policy.awsManaged ? AWS_MANAGED_REASON : undefined);
  const [deleting, setDeleting] = useState(false);
  return (
    <div className="flex flex-col gap-4">
      <div>
        <nav aria-label="Breadcrumb" className="mb-2 text-[13px] text-fg-muted"><Link href={toPolicies()} className="hover:text-fg">Policies</Link> <span aria-hidden>/</span> {policy.name}</nav>
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="flex min-w-0 flex-wrap items-center gap-2.5">
            <h1 className="truncate text-xl font-semibold tracking-tight" data-testid="policy-title">{policy.name}</h1>
            <span data-testid="policy-type"><PolicyTypeBadge awsManaged={policy.awsManaged} /></span>
          </div>
          <Button variant="danger" icon={<Trash2 aria-hidden className="size-4" />} onClick={() => setDeleting(true)} disabledReason={readOnly} data-testid="delete-policy">Delete</Button>
        </div>
        {policy.description && <p className="mt-1.5 max-w-3xl text-[13px] text-fg-muted" data-testid="policy-description-text">{policy.description}</p>}
      </div>
      <SummaryGrid>
        <SummaryField label="ARN" wide><CopyableCode value={policy.arn} label="ARN" truncate testId="policy-arn" /></SummaryField>
        <SummaryField label="Default version"><span className="font-mono" data-testid="policy-default-version">{policy.defaultVersionId}</span></SummaryField>
        <SummaryField label="Created">{formatDateTime(policy.createdAt)}</SummaryField>
        <SummaryField label="Last edited">{formatDateTime(policy.updatedAt)}</SummaryField>
        <SummaryField label="Used by">{policy.attachmentCount} attached · {policy.permissionsBoundaryUsageCount} as boundary</SummaryField>
      </SummaryGrid>
      <DeletePolicyDialog policy={policy} policyRef={policyRef} open={deleting} onClose={() => setDeleting(false)} />
    </div>
  );
}

