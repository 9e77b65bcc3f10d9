"use client";
import { Badge } from "@/components/ui/badge";
import { CopyableCode } from "@/components/ui/summary-grid";
import { Skeleton } from "@/components/ui/states";
import { formatDateTime } from "@/components/format";
import type { AssumeCaller } from "@/lib/domain/console-assume";
import type { AssumeCallerOptionDto } from "./assume-queries";
import { InfoLink } from "@/components/concepts/info-link";

/** The chosen caller, with what it brings to the request: account, MFA devices, or a session's carried state. */
export function SelectedCaller({ caller, option, loading }: { caller: AssumeCaller; option: AssumeCallerOptionDto | null | undefined; loading: boolean }) {
  if (loading) return <Skeleton className="h-16" />;
  if (!option)
    return (
      <p role="alert" className="rounded-lg border border-danger/30 bg-danger-soft p-3 text-[13px] text-danger-soft-fg" data-testid="caller-missing">
        {caller.kind === "user"
          ? `No IAM user ${caller.arn} exists (any more). Choose another.`
          : `No active role session ${caller.accessKeyId}: it expired or was revoked. Choose another.`}
      </p>
    );
  return (
    <div className="rounded-lg border border-accent/30 bg-accent-soft/40 p-3" data-testid="selected-caller">
      <div className="flex flex-wrap items-center gap-2 text-[13px]">
        <span className="font-medium">{option.kind === "user" ? `IAM user ${option.name}` : `Session ${option.sessionName}`}</span>
        <Badge>account {option.accountAlias ? `${option.accountAlias} · ` : ""}{option.accountId}</Badge>
        {option.kind === "user" && <Badge tone={option.mfaDevices.length ? "success" : "neutral"}>{option.mfaDevices.length ? `${option.mfaDevices.length} MFA device${option.mfaDevices.length === 1 ? "" : "s"}` : "No MFA device"}</Badge>}
        {option.kind === "session" && <Badge tone={option.mfaAuthenticated ? "success" : "neutral"}>{option.mfaAuthenticated ? "MFA authenticated" : "No MFA"}</Badge>}
      </div>
      <div className="mt-1.5"><CopyableCode value={option.arn} label="caller ARN" truncate testId="selected-caller-arn" /></div>
      {option.kind === "session" && (
        <p className="mt-1.5 text-[13px] text-fg-muted">
          Role chaining: the new session lasts at most one hour{option.sourceIdentity ? `, keeps the source identity "${option.sourceIdentity}"` : ""}
          {option.transitiveTagKeys.length ? `, and inherits the transitive tags ${option.transitiveTagKeys.join(", ")}` : ""}. This session expires {formatDateTime(option.expiresAt)}.{" "}
          <InfoLink concept="role-chaining" />
        </p>
      )}
    </div>
  );
}
