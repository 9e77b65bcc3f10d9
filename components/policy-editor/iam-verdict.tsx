import { CheckCircle2, XCircle } from "lucide-react";
import type { IamRejection } from "@/lib/policy";
import { cn } from "@/components/ui/cn";

/** The footer line saying what IAM would answer to saving the document now (from the server's check). */
export function IamVerdict({ rejection, failed, testId }: { rejection: IamRejection | null | undefined; failed: boolean; testId: string }) {
  if (failed)
    return (
      <p data-testid={testId} className="border-t border-border bg-surface-2/60 px-4 py-2 text-xs text-fg-muted">
        Could not ask the server whether IAM would accept this document; the findings above come from the browser only.
      </p>
    );
  if (rejection === undefined) return null;
  return (
    <p
      data-testid={testId}
      data-accepted={rejection === null}
      className={cn("flex items-start gap-2 border-t border-border px-4 py-2 text-xs", rejection ? "bg-danger-soft text-danger-soft-fg" : "bg-success-soft text-success-soft-fg")}
    >
      {rejection ? <XCircle aria-hidden className="mt-px size-3.5 shrink-0" /> : <CheckCircle2 aria-hidden className="mt-px size-3.5 shrink-0" />}
      {rejection ? (
        <span>
          Saving now would be refused by IAM: <span className="font-mono">{rejection.code}</span> — {rejection.message}
        </span>
      ) : (
        <span>IAM would accept this document as it is now.</span>
      )}
    </p>
  );
}
