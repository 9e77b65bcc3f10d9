"use client";
import { useState } from "react";
import Link from "next/link";
import { Shield } from "lucide-react";
import { Card } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { toPolicyByArn } from "@/components/policies/routes";
import { useDeleteUserBoundaryMutation, usePutUserBoundaryMutation } from "../user-permission-queries";
import type { UserDto } from "../user-queries";

/** The permissions boundary caps the most this user's identity policies can grant. */
export function UserBoundaryCard({ user }: { user: UserDto }) {
  const readOnly = useReadOnlyReason();
  const put = usePutUserBoundaryMutation(user.name);
  const remove = useDeleteUserBoundaryMutation(user.name);
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const current = user.permissionsBoundaryArn;

  const run = (p: Promise<unknown>, done: string) =>
    p.then(() => { toast({ tone: "success", title: done }); setOpen(false); }, (e: Error) => toast({ tone: "error", title: "Boundary not changed", message: e.message }));

  return (
    <Card title="Permissions boundary" description="The maximum permissions this user's policies can grant, whatever they say."
      actions={<>
        {current && <Button size="sm" variant="ghost" disabledReason={readOnly} loading={remove.isPending} onClick={() => run(remove.mutateAsync(), "Boundary removed")} data-testid="user-remove-boundary">Remove</Button>}
        <Button size="sm" disabledReason={readOnly} onClick={() => { setPicked(current ? [current] : []); setOpen(true); }} data-testid="user-set-boundary">{current ? "Change" : "Set boundary"}</Button>
      </>}>
      {current ? (
        <p className="flex items-center gap-2 text-[13px]"><Shield aria-hidden className="size-4 text-accent" /><Link href={toPolicyByArn(current)} className="font-mono text-accent hover:underline" data-testid="user-boundary-arn">{current}</Link></p>
      ) : (
        <p className="text-[13px] text-fg-muted">No boundary: the user's policies alone decide what it can do.</p>
      )}
      <Dialog open={open} onClose={() => setOpen(false)} size="lg" title="Set permissions boundary" testId="user-boundary-dialog"
        footer={<><Button variant="ghost" onClick={() => setOpen(false)}>Cancel</Button><Button variant="primary" disabled={!picked[0]} loading={put.isPending} onClick={() => run(put.mutateAsync(picked[0]), "Boundary set")} data-testid="user-confirm-boundary">Set boundary</Button></>}>
        <div className="pb-2"><PolicyPicker mode="single" selected={picked} onChange={setPicked} label="Search boundary policies" /></div>
      </Dialog>
    </Card>
  );
}
