"use client";
import { CheckCircle2, Circle, Loader2, XCircle } from "lucide-react";
import type { DeletionTaskStatus } from "@/lib/domain/types";
import { cn } from "@/components/ui/cn";
import type { DeletionDto } from "./service-linked-queries";

const STEPS: { status: DeletionTaskStatus; label: string; detail: string }[] = [
  { status: "NOT_STARTED", label: "Requested", detail: "IAM accepted the deletion and queued it (NOT_STARTED)." },
  { status: "IN_PROGRESS", label: "Checking use", detail: "IAM checks that the service no longer uses the role (IN_PROGRESS)." },
  { status: "SUCCEEDED", label: "Deleted", detail: "The role and its permissions are gone (SUCCEEDED)." },
];
const ORDER: Record<DeletionTaskStatus, number> = { NOT_STARTED: 0, IN_PROGRESS: 1, SUCCEEDED: 2, FAILED: 2 };

/** The deletion task's states as a list of steps: done, current, to come; a failure ends it with its reason. */
export function DeletionProgress({ deletion }: { deletion: DeletionDto | undefined }) {
  const status = deletion?.status ?? "NOT_STARTED";
  const at = ORDER[status];
  const steps = status === "FAILED" ? [...STEPS.slice(0, 2), { status: "FAILED" as const, label: "Failed", detail: "IAM kept the role (FAILED)." }] : STEPS;
  return (
    <div className="flex flex-col gap-3">
      <ol className="flex flex-col gap-2.5" aria-label="Deletion progress" data-testid="slr-deletion-steps">
        {steps.map((s, i) => {
          const done = i < at || (i === at && (status === "SUCCEEDED" || status === "FAILED"));
          const current = i === at;
          const Icon = s.status === "FAILED" ? XCircle : done ? CheckCircle2 : current ? Loader2 : Circle;
          return (
            <li key={s.status} className="flex items-start gap-2.5" aria-current={current ? "step" : undefined}>
              <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", s.status === "FAILED" ? "text-danger" : done ? "text-success-soft-fg" : current ? "animate-spin text-accent" : "text-fg-subtle")} />
              <div>
                <p className={cn("text-[13px] font-medium", current || done ? "text-fg" : "text-fg-muted")}>{s.label}</p>
                <p className="text-xs text-fg-muted">{s.detail}</p>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="text-[13px]" role="status" aria-live="polite">
        Status: <code className="font-mono font-semibold" data-testid="slr-deletion-status">{status}</code>
      </p>
      {deletion?.failure && (
        <div className="rounded-lg border border-danger/30 bg-danger-soft p-3 text-[13px] text-danger-soft-fg" data-testid="slr-deletion-failure">
          <p>{deletion.failure.reason}</p>
          {deletion.failure.roleUsage.length > 0 && (
            <ul className="mt-1.5 list-disc pl-5">
              {deletion.failure.roleUsage.map((u, i) => <li key={i}>In use in {u.region}{u.resources.length ? `: ${u.resources.join(", ")}` : ""}</li>)}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
