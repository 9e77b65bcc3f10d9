"use client";
import { useState } from "react";
import { FileCode2, Plus } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useDeleteInlinePolicyMutation, useRoleInlinePoliciesQuery, type RoleDto } from "../role-queries";
import { InlinePolicyDialog } from "./inline-policy-dialog";

/** Inline policies live inside the role; their aggregate size is capped (10,240 characters without whitespace). */
export function InlinePoliciesCard({ role, locked }: { role: RoleDto; locked?: string }) {
  const { data, error, refetch } = useRoleInlinePoliciesQuery(role.name);
  const remove = useDeleteInlinePolicyMutation(role.name);
  const readOnly = useReadOnlyReason() ?? locked;
  const toast = useToast();
  const [editing, setEditing] = useState<{ name: string; document: string } | "new" | null>(null);

  const onDelete = (name: string) =>
    remove.mutateAsync(name).then(
      () => toast({ tone: "success", title: `Deleted inline policy ${name}` }),
      (e: Error) => toast({ tone: "error", title: `Could not delete ${name}`, message: e.message }),
    );

  return (
    <Card padded={false} title="Inline policies" description="Policies embedded in this role only."
      actions={<Button size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={() => setEditing("new")} disabledReason={readOnly} data-testid="add-inline-policy">Add inline policy</Button>}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<FileCode2 aria-hidden className="size-5" />} title="No inline policies" />
      ) : (
        <Table label="Inline policies" testId="inline-policies">
          <thead><tr><Th>Name</Th><Th>Size</Th><Th className="w-44"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((p) => (
              <Tr key={p.name} testId="inline-policy-row">
                <Td className="font-medium">{p.name}</Td>
                <Td className="text-[13px] text-fg-muted tabular-nums">{p.document.replace(/\s/g, "").length.toLocaleString()} chars</Td>
                <Td className="text-right whitespace-nowrap">
                  <Button size="sm" variant="ghost" onClick={() => setEditing(p)} aria-label={`View ${p.name}`}>{readOnly ? "View" : "View / edit"}</Button>
                  <Button size="sm" variant="ghost" disabledReason={readOnly} onClick={() => onDelete(p.name)} aria-label={`Delete ${p.name}`}>Delete</Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <InlinePolicyDialog role={role} policy={editing === "new" ? null : editing} open={editing !== null} onClose={() => setEditing(null)} readOnly={readOnly} />
    </Card>
  );
}
