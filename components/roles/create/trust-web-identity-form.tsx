"use client";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useProviderQuery, useProvidersQuery } from "@/components/identity-providers/provider-queries";
import {
  githubSubject,
  githubSubjectWarning,
  isGithubActionsProvider,
  PUBLIC_WEB_IDENTITY_PROVIDERS,
  webIdentitySubjectKey,
  type WebIdentityChoice,
} from "@/lib/trust-builder/build";
import type { TrustFormProps } from "./step-trust";
import { InfoLink } from "@/components/concepts/info-link";

/** The audience GitHub's token for AWS carries (aws-actions/configure-aws-credentials asks for it). */
const GITHUB_AUDIENCE = "sts.amazonaws.com";

/** "Web identity": a public provider or an OIDC provider registered here, its audience, and GitHub's sub. */
export function TrustWebIdentityForm({ trust, change, errors }: TrustFormProps) {
  const w = trust.webIdentity;
  const set = (patch: Partial<WebIdentityChoice>) => change({ webIdentity: { ...w, ...patch } });
  const providers = useProvidersQuery();
  const oidc = (providers.data?.items ?? []).filter((p) => p.type === "OIDC");
  const registered = w.provider.startsWith("arn:") ? w.provider : null;
  const details = useProviderQuery(registered);
  const clientIds = details.data?.type === "OIDC" ? details.data.provider.clientIds : [];
  const known = PUBLIC_WEB_IDENTITY_PROVIDERS.find((p) => p.id === w.provider);
  const github = isGithubActionsProvider(w.provider);
  const warning = githubSubjectWarning(w);
  const sub = githubSubject(w);

  function chooseProvider(provider: string) {
    set({ provider, audience: isGithubActionsProvider(provider) && !w.audience ? GITHUB_AUDIENCE : w.audience });
  }

  return (
    <>
      <Field
        label="Identity provider"
        info={<InfoLink concept="federated-user" />}
        error={errors.provider}
        hint={
          <>
            A public provider, or an OIDC provider registered in <Link href="/identity-providers" className="text-accent underline underline-offset-2">Identity providers</Link>
            {providers.data && oidc.length === 0 && " (none registered yet)"}.
          </>
        }
      >
        {({ id, describedBy, invalid }) => (
          <Select id={id} aria-describedby={describedBy} invalid={invalid} value={w.provider} onChange={(e) => chooseProvider(e.target.value)} data-testid="web-identity-provider">
            <option value="">Choose a provider…</option>
            <optgroup label="Public providers">
              {PUBLIC_WEB_IDENTITY_PROVIDERS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
            </optgroup>
            {oidc.length > 0 && (
              <optgroup label="Registered in Roleplane">
                {oidc.map((p) => <option key={p.arn} value={p.arn}>{p.name}</option>)}
              </optgroup>
            )}
          </Select>
        )}
      </Field>
      <Field
        label={known?.audienceLabel ?? "Audience"}
        error={errors.audience}
        hint={known?.id === "cognito" ? "The identity pool whose signed-in (authenticated) identities may assume the role: <region>:<uuid>, as the Cognito console shows it." : github ? "GitHub's tokens for AWS carry sts.amazonaws.com." : "The client ID the provider puts in the token's aud claim."}
      >
        {({ id, describedBy, invalid }) => (
          <>
            <Input id={id} aria-describedby={describedBy} invalid={invalid} list={clientIds.length ? `${id}-client-ids` : undefined} autoComplete="off" placeholder={known?.id === "cognito" ? "us-east-1:00000000-0000-0000-0000-000000000000" : undefined} className="font-mono text-[13px]" value={w.audience} onChange={(e) => set({ audience: e.target.value })} data-testid="web-identity-audience" />
            {clientIds.length > 0 && <datalist id={`${id}-client-ids`}>{clientIds.map((c) => <option key={c} value={c} />)}</datalist>}
          </>
        )}
      </Field>
      {w.provider && !github && (
        <Field label="Subject" optional hint={<>Only tokens for this user at the provider may assume the role (condition on <code>{webIdentitySubjectKey(w.provider)}</code>). Leave empty to allow every user the provider signs in for this audience.</>}>
          {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" className="font-mono text-[13px]" value={w.subject} onChange={(e) => set({ subject: e.target.value })} data-testid="web-identity-subject" />}
        </Field>
      )}
      {github && (
        <fieldset className="flex flex-col gap-3 rounded-lg border border-border p-4">
          <legend className="px-1 text-[13px] font-medium">GitHub workflows that may assume the role</legend>
          <div className="grid gap-3 sm:grid-cols-3">
            <Field label="GitHub organization" error={errors.githubOrg}>
              {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} autoComplete="off" value={w.githubOrg} onChange={(e) => set({ githubOrg: e.target.value })} data-testid="github-org" />}
            </Field>
            <Field label="GitHub repository" optional>
              {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={w.githubRepo} onChange={(e) => set({ githubRepo: e.target.value })} data-testid="github-repo" />}
            </Field>
            <Field label="GitHub branch" optional>
              {({ id, describedBy }) => <Input id={id} aria-describedby={describedBy} autoComplete="off" value={w.githubBranch} onChange={(e) => set({ githubBranch: e.target.value })} data-testid="github-branch" />}
            </Field>
          </div>
          <p className="text-xs text-fg-muted">
            Condition on <code>token.actions.githubusercontent.com:sub</code>: {sub ? <code className="text-fg" data-testid="github-sub">{sub}</code> : <span>none</span>}
          </p>
          {warning && (
            <p role="status" className="flex gap-2 rounded-md border border-warning-soft-fg/30 bg-warning-soft px-3 py-2 text-[13px] text-warning-soft-fg" data-testid="github-sub-warning">
              <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {warning}
            </p>
          )}
        </fieldset>
      )}
    </>
  );
}
