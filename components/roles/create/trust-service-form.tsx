"use client";
import { useState } from "react";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { cn } from "@/components/ui/cn";
import { findServiceUseCase, searchServiceUseCases } from "@/lib/trust-builder/services";
import type { TrustFormProps } from "./step-trust";
import { InfoLink } from "@/components/concepts/info-link";

/** "AWS service": a searchable list of services and use cases; the chosen one names the service principal. */
export function TrustServiceForm({ trust, change, errors }: TrustFormProps) {
  const [query, setQuery] = useState("");
  const found = searchServiceUseCases(query);
  const chosen = findServiceUseCase(trust.service);
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 flex items-center gap-1.5 text-[13px] font-medium">Service or use case <InfoLink concept="service-role" /></legend>
        <div className="relative">
          <Search aria-hidden className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-fg-subtle" />
          <Input
            type="search"
            aria-label="Search services"
            placeholder="Search services, e.g. Lambda"
            className="pl-8"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="service-search"
          />
        </div>
        <div className="max-h-80 overflow-y-auto rounded-lg border border-border" role="radiogroup" aria-label="Services">
          {found.length === 0 && <p className="p-3 text-[13px] text-fg-muted">No service matches “{query}”. Use a custom trust policy for a service not listed.</p>}
          {found.map((s) => (
            <label
              key={s.id}
              className={cn(
                "flex cursor-pointer gap-3 border-b border-border px-3 py-2 last:border-b-0 hover:bg-surface-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                trust.service === s.id && "bg-accent-soft/50",
              )}
            >
              <input
                type="radio"
                name="trusted-service"
                value={s.id}
                checked={trust.service === s.id}
                onChange={() => change({ service: s.id })}
                className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
                data-testid={`service-${s.id}`}
              />
              <span className="min-w-0">
                <span className="block text-sm font-medium">{s.service} <code className="ml-1 text-xs font-normal text-fg-muted">{s.principal}</code></span>
                <span className="block text-xs text-fg-muted">{s.useCase}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.service && <p role="alert" className="text-[13px] text-danger">{errors.service}</p>}
      </fieldset>
      {chosen && (
        <div className="rounded-lg border border-border bg-surface-2/60 p-3 text-[13px] leading-relaxed text-fg-muted" data-testid="service-notes">
          <p>
            The policy trusts <code className="text-fg">{chosen.principal}</code> only when it acts for this account
            (<code>aws:SourceAccount</code>{chosen.sourceArn && <>, and <code>aws:SourceArn</code> of this account&apos;s resources</>}), so another
            customer cannot get the service to use your role: the cross-service confused deputy.{" "}
            <InfoLink concept="confused-deputy" />
          </p>
          {chosen.instanceProfile && (
            <p className="mt-2" data-testid="instance-profile-note">
              EC2 instances get a role through an <strong className="text-fg">instance profile</strong>: one of the same name is created with the role, as the AWS console does.{" "}
              <InfoLink concept="instance-profile" />
            </p>
          )}
        </div>
      )}
    </>
  );
}
