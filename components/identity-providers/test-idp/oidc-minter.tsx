"use client";
import { useState } from "react";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { mintDemoTokenSchema } from "@/lib/domain/identity-provider-schemas";
import { prettyJson } from "@/components/format";
import { useMintTokenMutation, type ProviderDetailsDto } from "../provider-queries";
import { toIdentityProvider } from "../routes";
import { cliCommand, ExpiresNote, MintedOutput } from "./minted-output";
import { PairsEditor, valuesOf, type Pair } from "./pairs-editor";

type OidcDetails = Extract<ProviderDetailsDto, { type: "OIDC" }>;

const LIFETIMES: [number, string][] = [[300, "5 minutes"], [900, "15 minutes"], [3600, "1 hour"], [43200, "12 hours"]];

const decodeBase64Url = (part: string) => new TextDecoder().decode(Uint8Array.from(atob(part.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)));

/** Mints an ID token from the demo issuer for a subject, an audience and optional claims. */
export function OidcMinter({ details }: { details: OidcDetails }) {
  const p = details.provider;
  const [subject, setSubject] = useState("repo:acme/app:ref:refs/heads/main");
  const [audience, setAudience] = useState(p.clientIds[0] ?? "sts.amazonaws.com");
  const [lifetime, setLifetime] = useState(3600);
  const [claims, setClaims] = useState<Pair[]>([]);
  const [role, setRole] = useState(details.roles[0]?.arn ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mint = useMintTokenMutation();
  const unregistered = audience.trim() !== "" && !p.clientIds.includes(audience.trim());

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const extra = Object.fromEntries(claims.filter((c) => c.name.trim()).map((c) => {
      const values = valuesOf(c.value);
      return [c.name.trim(), values.length > 1 ? values : (values[0] ?? "")];
    }));
    const parsed = mintDemoTokenSchema.safeParse({ subject: subject.trim(), audience: audience.trim(), expiresInSeconds: lifetime, claims: extra });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (parsed.success) await mint.mutateAsync(parsed.data).catch(() => undefined);
  }

  const token = mint.data?.token;
  const decoded = token ? prettyJson(decodeBase64Url(token.split(".")[1])) : "";
  return (
    <div className="flex flex-col gap-4">
      <p className="text-[13px] text-fg-muted">
        Issuer <Link href={toIdentityProvider(p.arn)} className="font-mono text-accent hover:underline" data-testid="demo-oidc-link">{p.url}</Link>; audiences {p.clientIds.map((c) => <code key={c} className="mx-0.5 font-mono">{c}</code>)}.
      </p>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="mint-token-form">
        <Field label="Subject (sub)" error={errors.subject} hint="Who the token is about; trust policies match it with the :sub key." className="sm:col-span-2">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={subject} className="font-mono text-[13px]" onChange={(e) => setSubject(e.target.value)} data-testid="mint-subject" />}
        </Field>
        <Field label="Audience (aud)" error={errors.audience} hint={unregistered ? "Not one of the provider's audiences: STS will refuse the token (Incorrect token audience)." : "One of the provider's audiences."}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={audience} className="font-mono text-[13px]" onChange={(e) => setAudience(e.target.value)} data-testid="mint-audience" />}
        </Field>
        <Field label="Valid for">
          {({ id }) => <Select id={id} value={lifetime} onChange={(e) => setLifetime(Number(e.target.value))} data-testid="mint-lifetime">{LIFETIMES.map(([s, l]) => <option key={s} value={s}>{l}</option>)}</Select>}
        </Field>
        <Field label="Role for the CLI command" optional hint={details.roles.length ? "A role that trusts this provider." : "No role trusts this provider yet."}>
          {({ id, describedBy }) => <Select id={id} aria-describedby={describedBy} value={role} onChange={(e) => setRole(e.target.value)} data-testid="mint-role">
            <option value="">Choose a role…</option>
            {details.roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
          </Select>}
        </Field>
        <PairsEditor legend="Extra claims" noun="Claim" testId="mint-claim" pairs={claims} onChange={setClaims} error={errors.claims}
          suggestions={["email", "amr", "azp", "email_verified", "groups"]} hint="Several values, separated by commas, make a list (amr: pwd, mfa)." />
        <div className="sm:col-span-2"><Button type="submit" variant="primary" icon={<KeyRound aria-hidden className="size-4" />} loading={mint.isPending} data-testid="mint-token">Mint token</Button></div>
      </form>
      {mint.error && <ErrorState title="Not minted" message={mint.error.message} />}
      {token && mint.data && (
        <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface-2/50 p-4" data-testid="minted-token-panel">
          <MintedOutput label="Web identity token" value={token} testId="minted-token" />
          <ExpiresNote at={mint.data.expiresAt} />
          <MintedOutput label="Claims" value={decoded} rows={7} testId="minted-claims" />
          <MintedOutput label="AWS CLI" rows={5} testId="minted-cli"
            value={cliCommand([["role-arn", role || "arn:aws:iam::<account>:role/<role>"], ["role-session-name", "demo-session"], ["web-identity-token", token]], "sts assume-role-with-web-identity")} />
        </div>
      )}
    </div>
  );
}
