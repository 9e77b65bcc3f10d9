"use client";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useRevokeActiveSessionsMutation, useRevokeSessionMutation, type RoleSessionDto } from "../assume/assume-queries";

/**
 * AWS's "Revoke active sessions": it attaches the inline policy AWSRevokeOlderSessions, which denies every action
 * to sessions of this role issued before now, and asks for an acknowledgement first, as AWS's console does.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_revoke-sessions.html
 */
export function RevokeActiveSessionsDialog({ roleName, open, onClose }: { roleName: string; open: boolean; onClose: () => void }) {
  const [acknowledged, setAcknowledged] = useState(false);
  const revoke = useRevokeActiveSessionsMutation(roleName);
  const toast = useToast();
  useResetOnOpen(open && "revoke-all", () => setAcknowledged(false));
  const confirm = () =>
    revoke.mutateAsync().then(() => {
      toast({ tone: "success", title: "Active sessions revoked", message: "AWSRevokeOlderSessions now denies every session issued before this moment." });
      onClose();
    }).catch(() => undefined);
  return (
    <Dialog open={open} onClose={onClose} title="Revoke active sessions?" testId="revoke-active-sessions-dialog"
      description={<>Everyone holding credentials of {roleName} issued before now loses every permission at their next request. They can work again only with new credentials.</>}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} disabled={!acknowledged} loading={revoke.isPending} data-testid="confirm-revoke-active-sessions">Revoke active sessions</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2 text-[13px] text-fg-muted">
        <p>
          As in AWS, this attaches an inline policy named <code className="font-mono text-fg">AWSRevokeOlderSessions</code> to the role: a Deny of every
          action on every resource for sessions whose <code className="font-mono">aws:TokenIssueTime</code> is before now. It shows on the Permissions tab
          like any inline policy; sessions assumed after this moment are not affected, so there is no need to delete it. Revoking again moves its time forward.
        </p>
        <label className="flex items-start gap-2 font-medium text-fg">
          <input type="checkbox" className="mt-0.5 size-4 accent-[var(--accent)]" checked={acknowledged} onChange={(e) => setAcknowledged(e.target.checked)} data-testid="acknowledge-revoke" />
          I acknowledge that I am revoking all active sessions for this role.
        </label>
        {revoke.error && <p role="alert" className="text-danger">{revoke.error.message}</p>}
      </div>
    </Dialog>
  );
}

/** Ending one session is Roleplane's own: AWS can only revoke every session issued before a moment. */
export function RevokeSessionDialog({ roleName, session, onClose }: { roleName: string; session: RoleSessionDto | null; onClose: () => void }) {
  const revoke = useRevokeSessionMutation(roleName);
  const toast = useToast();
  const confirm = () =>
    session &&
    revoke.mutateAsync(session.id).then(() => {
      toast({ tone: "success", title: `Session ${session.sessionName} revoked` });
      onClose();
    }).catch(() => undefined);
  return (
    <Dialog open={!!session} onClose={onClose} title="Revoke this session?" testId="revoke-session-dialog"
      description={session && <>Credentials <code className="font-mono">{session.id}</code> of <code className="font-mono">{session.arn}</code> are refused from their next request on.</>}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} loading={revoke.isPending} data-testid="confirm-revoke-session">Revoke session</Button>
      </>}>
      <div className="pb-2 text-[13px] text-fg-muted">
        <p>This is Roleplane&apos;s own: AWS has no way to end a single session. The role&apos;s other sessions keep working.</p>
        {revoke.error && <p role="alert" className="mt-2 text-danger">{revoke.error.message}</p>}
      </div>
    </Dialog>
  );
}
