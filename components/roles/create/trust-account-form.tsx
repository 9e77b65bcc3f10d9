"use client";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Check } from "@/components/ui/check";
import { generateExternalId, type AccountChoice } from "@/lib/trust-builder/build";
import type { TrustFormProps } from "./step-trust";
import { InfoLink } from "@/components/concepts/info-link";

/** "AWS account": this account or another one, optionally with an external ID (third parties) and MFA (people). */
export function TrustAccountForm({ trust, change, errors }: TrustFormProps) {
  const a = trust.account;
  const set = (patch: Partial<AccountChoice>) => change({ account: { ...a, ...patch } });
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 flex items-center gap-1.5 text-[13px] font-medium">An AWS account <InfoLink concept="principal" /></legend>
        {(["this", "other"] as const).map((which) => (
          <label key={which} className="flex cursor-pointer items-start gap-3">
            <input type="radio" name="trusted-account" checked={a.which === which} onChange={() => set({ which })} className="mt-0.5 size-4 accent-[var(--accent)]" data-testid={`account-${which}`} />
            <span>
              <span className="block text-sm font-medium">{which === "this" ? "This account" : "Another AWS account"}</span>
              <span className="block text-xs text-fg-muted">
                {which === "this" ? "Users and roles of this account whose own policies allow sts:AssumeRole on this role." : "Principals of another account, yours or a third party's, whose administrator lets them assume this role."}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      {a.which === "other" && (
        <Field label="Account ID" error={errors.accountId} hint="The 12-digit ID of the account to trust.">
          {({ id, describedBy, invalid }) => (
            <Input id={id} aria-describedby={describedBy} invalid={invalid} inputMode="numeric" autoComplete="off" className="w-56 font-mono text-[13px]" placeholder="123456789012" value={a.accountId} onChange={(e) => set({ accountId: e.target.value })} data-testid="account-id" />
          )}
        </Field>
      )}
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-[13px] font-medium">Options</legend>
        <Check checked={a.requireExternalId} onChange={(requireExternalId) => set({ requireExternalId })} label="Require external ID" info={<InfoLink concept="external-id" />} testId="require-external-id">
          Best practice when a third party (a vendor monitoring your account, say) will assume this role. The vendor serves many customers from one account; the ID it gives you, in its request, proves the request is for you, so no other customer can trick it into using your role: the confused deputy problem.{" "}
          <InfoLink concept="confused-deputy" />
        </Check>
        {a.requireExternalId && (
          <Field label="External ID" className="ml-7" error={errors.externalId} hint="2 to 1,224 characters: letters, digits and +=,.@:/-_. Give it to the third party; it passes it in every AssumeRole.">
            {({ id, describedBy, invalid }) => (
              <div className="flex flex-wrap items-center gap-2">
                <Input id={id} aria-describedby={describedBy} invalid={invalid} autoComplete="off" className="w-80 font-mono text-[13px]" value={a.externalId} onChange={(e) => set({ externalId: e.target.value })} data-testid="external-id" />
                <Button size="sm" onClick={() => set({ externalId: generateExternalId() })} data-testid="generate-external-id">Generate</Button>
                {a.externalId && <CopyButton value={a.externalId} label="external ID" />}
              </div>
            )}
          </Field>
        )}
        <Check checked={a.requireMfa} onChange={(requireMfa) => set({ requireMfa })} label="Require MFA" info={<InfoLink concept="session" />} testId="require-mfa">
          Only principals that signed in with a multi-factor authentication device can assume the role (aws:MultiFactorAuthPresent). For people, not for software.
        </Check>
      </fieldset>
    </>
  );
}
