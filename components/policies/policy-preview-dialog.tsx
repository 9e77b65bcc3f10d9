"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Dialog } from "@/components/ui/dialog";
import { ErrorState, Skeleton } from "@/components/ui/states";
import { PolicyDocumentView } from "./detail/policy-document-view";
import { usePolicyQuery, type ManagedPolicyDto } from "./policy-queries";
import { toPolicy } from "./routes";

/** A managed policy's default version, read where it is being chosen (the AWS console's policy preview). */
export function PolicyPreviewDialog({ policy, onClose }: { policy: ManagedPolicyDto | null; onClose: () => void }) {
  return (
    <Dialog open={!!policy} onClose={onClose} size="lg" title={policy?.name ?? ""} testId="policy-preview"
      description={policy && (
        <span className="flex flex-wrap items-center gap-2">
          <Badge tone={policy.awsManaged ? "neutral" : "accent"}>{policy.awsManaged ? "AWS managed" : "Customer managed"}</Badge>
          <code className="text-xs break-all">{policy.arn}</code>
        </span>
      )}
      footer={policy && <Link href={toPolicy({ name: policy.name, scope: policy.awsManaged ? "aws" : "local" })} target="_blank" className="text-[13px] font-medium text-accent hover:underline">Open the policy page</Link>}
    >
      {policy && <PreviewBody policy={policy} />}
    </Dialog>
  );
}

function PreviewBody({ policy }: { policy: ManagedPolicyDto }) {
  const { data, error, refetch } = usePolicyQuery({ name: policy.name, scope: policy.awsManaged ? "aws" : "local" });
  if (error) return <ErrorState title="Could not load the policy" message={error.message} onRetry={() => refetch()} />;
  if (!data) return <Skeleton className="h-64" />;
  return (
    <div className="flex flex-col gap-2 pb-3">
      {data.description && <p className="text-[13px] text-fg-muted">{data.description}</p>}
      <PolicyDocumentView document={data.document} testId="policy-preview-document" className="max-h-[55vh]" />
    </div>
  );
}
