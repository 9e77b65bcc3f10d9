"use client";
import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { AlertTriangle } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { toRole } from "@/components/roles/routes";
import { useDeleteProviderMutation, type ProviderDetailsDto } from "../provider-queries";
import { toIdentityProviders } from "../routes";

/**
 * Deleting a provider leaves the trust policies that name it unchanged, as IAM does, and every sign-in through
 * those roles fails from then on: the dialog lists those roles before the admin types the provider's name.
 */
export function DeleteProviderDialog({ arn, label, roles, open, onClose }: { arn: string; label: string; roles: ProviderDetailsDto["roles"]; open: boolean; onClose: () => void }) {
  const [typed, setTyped] = useState("");
  const del = useDeleteProviderMutation();
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "delete", () => setTyped(""));

  async function confirm(e: React.FormEvent) {
    e.preventDefault();
    if (typed !== label) return;
    await del.mutateAsync(arn).then(() => {
      toast({ tone: "success", title: `Identity provider ${label} deleted` });
      onClose();
      router.push(toIdentityProviders());
    }).catch(() => undefined);
  }

  return (
    <Dialog open={open} onClose={onClose} title="Delete this identity provider?" testId="delete-provider-dialog"
      description="Tokens and assertions from this provider will be refused from now on. This cannot be undone."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" type="submit" form="delete-provider-form" disabled={typed !== label} loading={del.isPending} data-testid="confirm-delete-provider">Delete provider</Button>
      </>}>
      <form id="delete-provider-form" onSubmit={confirm} className="flex flex-col gap-4 pb-2">
        {roles.length > 0 ? (
          <div className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="delete-provider-roles">
            <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
            <div>
              <p>
                <strong>{roles.length} {roles.length === 1 ? "role trusts" : "roles trust"} this provider.</strong> Their trust policies keep naming it, and nobody can sign in to them through it any more:
              </p>
              <ul className="mt-1.5 list-disc pl-5">
                {roles.map((r) => <li key={r.arn}><Link href={toRole({ name: r.name })} className="font-medium underline underline-offset-2">{r.name}</Link></li>)}
              </ul>
            </div>
          </div>
        ) : (
          <p className="text-[13px] text-fg-muted" data-testid="delete-provider-no-roles">No role&apos;s trust policy names this provider.</p>
        )}
        <Field label="Type the provider to confirm" hint={<>Enter <strong className="font-mono break-all">{label}</strong></>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="delete-provider-confirm-name" />}
        </Field>
        {del.error && <p role="alert" className="text-[13px] text-danger">{del.error.message}</p>}
      </form>
    </Dialog>
  );
}
