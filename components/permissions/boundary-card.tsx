"use client";
import { useState } from "react";
import Link from "next/link";
import { Shield } from "lucide-react";
import type { UseMutationResult } from "@tanstack/react-query";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { toPolicyByArn } from "@/components/policies/routes";
import { ownerTestId, type OwnerCardProps } from "./owner";
import { InfoLink } from "@/components/concepts/info-link";

export interface BoundaryCardProps extends OwnerCardProps {
  boundaryArn: string | null;
  /** PutRolePermissionsBoundary or PutUserPermissionsBoundary, taking the policy ARN. */
  put: UseMutationResult<unknown, Error, string>;
  /** DeleteRolePermissionsBoundary or DeleteUserPermissionsBoundary. */
  remove: UseMutationResult<unknown, Error, void>;
}

/** The permissions boundary caps the most the owner's identity policies can grant. */
export function BoundaryCard({ owner, boundaryArn, put, remove, locked }: BoundaryCardProps) {
  const readOnly = useReadOnlyReason() ?? locked;
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const id = (s: string) => ownerTestId(owner.kind, s);

  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => { toast({ tone: "success", title: done }); setOpen(false); }, (e: Error) => toast({ tone: "error", title: "Boundary not changed", message: e.message }));

  return (
    <Card title="Permissions boundary" info={<InfoLink concept="permissions-boundary" />} description={`The maximum permissions this ${owner.kind}'s policies can grant, whatever they say.`}
      actions={<>
        {boundaryArn && <Button size="sm" variant="ghost" disabledReason={readOnly} loading={remove.isPending} onClick={() => run(remove.mutateAsync(), "Boundary removed")} data-testid={id("remove-boundary")}>Remove</Button>}
        <Button size="sm" disabledReason={readOnly} onClick={() => { setPicked(boundaryArn ? [boundaryArn] : []); setOpen(true); }} data-testid={id("set-boundary")}>{boundaryArn ? "Change" : "Set boundary"}</Button>
      </>}>
      {boundaryArn ? (
        <p className="flex items-center gap-2 text-[13px]">
          <Shield aria-hidden className="size-4 text-accent" />
          <Link href={toPolicyByArn(boundaryArn)} className="font-mono text-accent hover:underline" data-testid={id("boundary-arn-text")}>{boundaryArn}</Link>
        </p>
      ) : (
        <p className="text-[13px] text-fg-muted">No boundary: the {owner.kind}&apos;s policies alone decide what it can do.</p>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} size="lg" title="Set permissions boundary" testId={id("boundary-dialog")}
        footer={<><Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button><Button variant="primary" disabled={!picked[0]} loading={put.isPending} onClick={() => run(put.mutateAsync(picked[0]), "Boundary set")} data-testid={id("confirm-boundary")}>Set boundary</Button></>}>
        <div className="pb-2"><PolicyPicker mode="single" selected={picked} onChange={setPicked} label="Search boundary policies" /></div>
      </Dialog>
    </Card>
  );
}
