"use client";
import Link from "next/link";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useProvidersQuery } from "@/components/identity-providers/provider-queries";
import { SAML_ATTRIBUTES, SAML_CONSOLE_AUDIENCE, type SamlChoice } from "@/lib/trust-builder/build";
import type { TrustFormProps } from "./step-trust";
import { InfoLink } from "@/components/concepts/info-link";

const ACCESS: { id: SamlChoice["access"]; label: string; hint: string }[] = [
  { id: "programmatic", label: "Allow programmatic access only", hint: "Users get credentials for the CLI, SDKs or API (AssumeRoleWithSAML) when an attribute of their assertion has the value you set." },
  { id: "console", label: "Allow programmatic and AWS Management Console access", hint: `Users may also sign in to the console: the assertion must be addressed to ${SAML_CONSOLE_AUDIENCE} (SAML:aud).` },
];

/** "SAML 2.0 federation": a SAML provider registered here and how its users may use the role. */
export function TrustSamlForm({ trust, change, errors }: TrustFormProps) {
  const s = trust.saml;
  const set = (patch: Partial<SamlChoice>) => change({ saml: { ...s, ...patch } });
  const providers = useProvidersQuery();
  const saml = (providers.data?.items ?? []).filter((p) => p.type === "SAML");
  return (
    <>
      <Field
        label="SAML 2.0–based provider"
        info={<InfoLink concept="federation" />}
        error={errors.samlProvider}
        hint={
          <>
            Your directory&apos;s identity provider, registered with its metadata in <Link href="/identity-providers" className="text-accent underline underline-offset-2">Identity providers</Link>
            {providers.data && saml.length === 0 && " (none registered yet)"}.
          </>
        }
      >
        {({ id, describedBy, invalid }) => (
          <Select id={id} aria-describedby={describedBy} invalid={invalid} value={s.providerArn} onChange={(e) => set({ providerArn: e.target.value })} data-testid="saml-provider">
            <option value="">Choose a provider…</option>
            {saml.map((p) => <option key={p.arn} value={p.arn}>{p.name}</option>)}
          </Select>
        )}
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 text-[13px] font-medium">Access</legend>
        {ACCESS.map((a) => (
          <label key={a.id} className="flex cursor-pointer items-start gap-3">
            <input type="radio" name="saml-access" checked={s.access === a.id} onChange={() => set({ access: a.id })} className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]" data-testid={`saml-access-${a.id}`} />
            <span>
              <span className="block text-sm font-medium">{a.label}</span>
              <span className="block text-xs text-fg-muted">{a.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {s.access === "programmatic" && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Attribute">
            {({ id, describedBy }) => (
              <Select id={id} aria-describedby={describedBy} value={s.attribute} onChange={(e) => set({ attribute: e.target.value })} data-testid="saml-attribute">
                {SAML_ATTRIBUTES.map((k) => <option key={k} value={k}>{k}</option>)}
              </Select>
            )}
          </Field>
          <Field label="Value" error={errors.samlValue}>
            {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} autoComplete="off" value={s.value} onChange={(e) => set({ value: e.target.value })} data-testid="saml-value" />}
          </Field>
        </div>
      )}
    </>
  );
}
