"use client";
import { useRouter } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { useToast } from "@/components/ui/toast";
import { useConsole } from "@/components/shell/console-context";
import { useEndConsoleSessionsMutation, type ConsoleUserDto } from "./console-user-queries";

/** Ending sessions signs the person out everywhere at their next request; their password is unchanged. */
export function EndSessionsDialog({ user, onClose }: { user: ConsoleUserDto | null; onClose: () => void }) {
  const end = useEndConsoleSessionsMutation();
  const toast = useToast();
  const router = useRouter();
  const self = useConsole().user.email === user?.email;
  const confirm = () =>
    user &&
    end.mutateAsync(user.email).then(({ ended }) => {
      // Your own sessions ended: the next page you load asks you to sign in.
      if (self) return router.replace("/login");
      toast({ tone: "success", title: `Ended ${ended} session${ended === 1 ? "" : "s"} of ${user.email}` });
      onClose();
    }).catch(() => undefined);
  return (
    <Dialog open={!!user} onClose={onClose} title="End all sessions?" testId="end-sessions-dialog"
      description={user && <>{user.email} will have to sign in again on every browser, at their next click.</>}
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="danger" onClick={confirm} loading={end.isPending} data-testid="confirm-end-sessions">End sessions</Button>
      </>}>
      <div className="pb-2 text-[13px] text-fg-muted">
        <p>Use this when a device was lost or a password may have leaked. It does not change the password: the operator sets it with <code className="font-mono">ROLEPLANE_ADMIN_PASSWORD</code> or <code className="font-mono">ROLEPLANE_VIEWER_PASSWORD</code>.</p>
        {self && <p className="mt-2 font-medium text-fg" data-testid="end-own-sessions-warning">This is you: you will be signed out too.</p>}
        {end.error && <p role="alert" className="mt-2 text-danger">{end.error.message}</p>}
      </div>
    </Dialog>
  );
}
