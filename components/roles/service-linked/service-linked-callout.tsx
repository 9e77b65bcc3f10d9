"use client";
import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { findServiceLinkedService } from "@/lib/domain/service-linked-roles";
import type { RoleDto } from "../role-queries";
import { toRoles } from "../routes";
import { DeletionProgress } from "./deletion-progress";
import { useDeletionStatusQuery, useLatestDeletionQuery } from "./service-linked-queries";
import { InfoLink } from "@/components/concepts/info-link";

/**
 * Why a service-linked role is locked, shown above its tabs, and its deletion while one runs or after it failed
 * (the role page finds it again after a reload).
 */
export function ServiceLinkedCallout({ role }: { role: RoleDto }) {
  const principal = role.serviceLinkedService ?? "";
  const service = findServiceLinkedService(principal);
  const latest = useLatestDeletionQuery(role.name, true);
  const running = latest.data && latest.data.status !== "SUCCEEDED" ? latest.data : null;
  const status = useDeletionStatusQuery(running && running.status !== "FAILED" ? running.deletionTaskId : null);
  const deletion = status.data ?? running ?? undefined;
  return (
    <section aria-labelledby="slr-callout-title" className="rounded-xl border border-border bg-surface p-4 shadow-card" data-testid="slr-callout">
      <div className="flex items-start gap-3">
        <div className="flex size-8 shrink-0 items-center justify-center rounded-full bg-warning-soft text-warning-soft-fg">
          <ShieldCheck aria-hidden className="size-4" />
        </div>
        <div className="min-w-0 flex-1 text-[13px]">
          <div className="flex items-center gap-2">
            <h2 id="slr-callout-title" className="text-sm font-semibold">Service-linked role for {service?.service ?? principal}</h2>
            <InfoLink concept="service-linked-role" />
          </div>
          <p className="mt-1 max-w-3xl text-fg-muted" data-testid="slr-locked-reason">
            {service?.service ?? "The service"} (<code className="font-mono">{principal}</code>) defined this role, its trust policy and its permissions, and is the
            only principal that can assume it. AWS refuses every change to them with <code className="font-mono">UnmodifiableEntity</code>, so Roleplane does too;
            only the description can be edited. Deleting it goes through <code className="font-mono">DeleteServiceLinkedRole</code>, which IAM completes once the
            service no longer uses the role.
          </p>
          {deletion && (
            <div className="mt-3 max-w-xl rounded-lg border border-border bg-surface-2/60 p-3" data-testid="slr-latest-deletion">
              <p className="mb-2 font-medium">{deletion.status === "FAILED" ? "The last deletion request failed" : "Deletion requested"}</p>
              <DeletionProgress deletion={deletion} />
              {deletion.status === "SUCCEEDED" && <Link href={toRoles()} className={buttonClass("secondary", "sm", "mt-3")}>Back to roles</Link>}
            </div>
          )}
        </div>
      </div>
    </section>
  );
}
