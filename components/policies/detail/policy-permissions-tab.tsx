"use client";
import { useState } from "react";
import { Pencil } from "lucide-react";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { prettyJson } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import type { PolicyDetailDto, PolicyRef } from "../policy-queries";
import { PolicyDocumentView } from "./policy-document-view";
import { EditPolicyDialog } from "./edit-policy-dialog";
import { AWS_MANAGED_REASON } from "./policy-summary";

/** The default version's document; customer policies can be edited, which saves a new default version. */
export function PolicyPermissionsTab({ policy, policyRef }: { policy: PolicyDetailDto; policyRef: PolicyRef }) {
  const readOnly = useReadOnlyReason() ?? (policy.awsManaged ? AWS_MANAGED_REASON : undefined);
  const [editing, setEditing] = useState(false);
  return (
    <Card title={<>Policy document <span className="ml-1 font-mono text-xs font-normal text-fg-muted">{policy.defaultVersionId} · default</span></>}
      description="What this policy allows or denies, in the default version that IAM evaluates."
      actions={<>
        <CopyButton value={prettyJson(policy.document)} label="policy document" />
        <Button size="sm" icon={<Pencil aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setEditing(true)} data-testid="edit-policy">Edit</Button>
      </>}>
      <PolicyDocumentView document={policy.document} testId="policy-document-view" />
      <EditPolicyDialog policy={policy} policyRef={policyRef} open={editing} onClose={() => setEditing(false)} />
    </Card>
  );
}
