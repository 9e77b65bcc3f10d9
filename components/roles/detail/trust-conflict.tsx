"use client";
import { AlertTriangle, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";

/**
 * UpdateAssumeRolePolicy carried the version this page read, and someone saved a newer one in between: the server
 * refused (409 ConcurrentModification) rather than overwrite it. Reloading keeps the draft and rebases it on the
 * latest version, so "Review changes" then shows exactly what saving again would replace.
 */
export function TrustConflict({ message, onReload, reloading }: { message: string; onReload: () => void; reloading: boolean }) {
  return (
    <div role="alert" data-testid="trust-conflict" className="flex items-start gap-3 rounded-xl border border-danger/30 bg-danger-soft p-4 text-danger-soft-fg">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="flex-1 text-[13px]">
        <p className="text-sm font-semibold">Not saved: someone else changed this trust policy (ConcurrentModification)</p>
        <p className="mt-0.5 break-words">{message}</p>
        <p className="mt-1">Nothing was overwritten. Reload the latest version to compare it with your edits, which are kept.</p>
      </div>
      <Button size="sm" loading={reloading} onClick={onReload} icon={<RefreshCw aria-hidden className="size-3.5" />} data-testid="trust-reload-latest">
        Reload latest
      </Button>
    </div>
  );
}
