"use client";
import { useState } from "react";
import type { z } from "zod";
import Link from "next/link";
import { LogIn, Unplug } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { formatDuration } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useMintAssertionMutation, useMintTokenMutation, useProvidersQuery } from "@/components/identity-providers/provider-queries";
import { toDemoIdentityProvider } from "@/components/identity-providers/routes";
import { mintDemoAssertionSchema, mintDemoTokenSchema } from "@/lib/domain/identity-provider-schemas";
import { federatedSignInSchema, type FederatedSignInInput } from "@/lib/domain/sts-schemas";
import { useRoleQuery, type RoleDto } from "../role-queries";
import { toRole } from "../routes";
import { trustedProviders, useFederatedSignInMutation, type TrustedProvider } from "./sign-in-queries";
import { SignInResult } from "./sign-in-result";

const KIND_LABEL: Record<TrustedProvider["kind"], string> = { oidc: "OpenID Connect", saml: "SAML 2.0", web: "Web identity" };
const providerName = (arn: string) => arn.replace(/^arn:aws:iam::\d{12}:(oidc|saml)-provider\//, "");

/**
 * Sign in to a role the way its federated users do: with a token or an assertion from a provider the trust policy
 * names. For the account's test identity provider Roleplane mints one for the subject entered; for any other
 * provider, paste one it issued. The answer is AWS's — credentials, or the refusal — with Roleplane's explanation.
 */
export function FederatedSignInView({ name }: { name: string }) {
  const role = useRoleQuery(name);
  const providers = useProvidersQuery();
  if (role.error) return <ErrorState title="Could not load the role" message={role.error.message} onRetry={() => role.refetch()} />;
  if (providers.error) return <ErrorState title="Could not load identity providers" message={providers.error.message} onRetry={() => providers.refetch()} />;
  if (!role.data || !providers.data) return <div role="status" aria-label="Loading"><Skeleton className="h-72" /></div>;
  const trusted = trustedProviders(role.data.trustPolicy);
  if (trusted.length === 0)
    return (
      <Card>
        <EmptyState icon={<Unplug aria-hidden className="size-5" />} title="This role trusts no identity provider"
          action={<Link href={toRole({ name, tab: "trust" })} className={buttonClass("secondary", "sm")}>Open the trust policy</Link>}>
          Federated users sign in to roles whose trust policy names their provider under <code className="font-mono">Principal.Federated</code> with sts:AssumeRoleWithWebIdentity or sts:AssumeRoleWithSAML.
        </EmptyState>
      </Card>
    );
  const demo = [providers.data.demo.oidcArn, providers.data.demo.samlArn].filter((a): a is string => a !== null);
  return <SignInForm role={role.data} trusted={trusted} demoArns={demo} />;
}

function SignInForm({ role, trusted, demoArns }: { role: RoleDto; trusted: TrustedProvider[]; demoArns: string[] }) {
  const readOnly = useReadOnlyReason();
  const [providerArn, setProviderArn] = useState(trusted.find((t) => demoArns.includes(t.arn))?.arn ?? trusted[0].arn);
  const provider = trusted.find((t) => t.arn === providerArn) ?? trusted[0];
  const isDemo = demoArns.includes(provider.arn);
  const saml = provider.kind === "saml";
  const [useTestIdp, setUseTestIdp] = useState(true);
  const minting = isDemo && useTestIdp;
  const [subject, setSubject] = useState("");
  const [audience, setAudience] = useState("sts.amazonaws.com");
  const [sessionName, setSessionName] = useState("console-sign-in");
  const [pasted, setPasted] = useState("");
  const [duration, setDuration] = useState(3600);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mintToken = useMintTokenMutation();
  const mintAssertion = useMintAssertionMutation();
  const signIn = useFederatedSignInMutation(role.name);
  const durations = [900, 3600, 4 * 3600, 12 * 3600].filter((d) => d <= role.maxSessionDuration);
  const subjectValue = subject.trim() || (saml ? "alice@example.com" : "repo:acme/app:ref:refs/heads/main");

  /** A token or assertion from the test identity provider for the subject entered, or the form's problems. */
  async function mint(): Promise<{ credential: string } | { issues: z.core.$ZodIssue[] }> {
    if (saml) {
      const parsed = mintDemoAssertionSchema.safeParse({ subject: subjectValue, roleArns: [role.arn], roleSessionName: sessionName.trim(), expiresInSeconds: 300 });
      return parsed.success ? { credential: (await mintAssertion.mutateAsync(parsed.data)).samlAssertion } : { issues: parsed.error.issues };
    }
    const parsed = mintDemoTokenSchema.safeParse({ subject: subjectValue, audience: audience.trim(), expiresInSeconds: 900 });
    return parsed.success ? { credential: (await mintToken.mutateAsync(parsed.data)).token } : { issues: parsed.error.issues };
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    signIn.reset();
    let credential = pasted.trim();
    if (minting) {
      const minted = await mint().catch(() => null);
      if (minted === null) return;
      if ("issues" in minted) return setErrors(fieldErrors(minted.issues).fields);
      credential = minted.credential;
    }
    const input: FederatedSignInInput = saml
      ? { kind: "saml", PrincipalArn: provider.arn, SAMLAssertion: credential, DurationSeconds: duration }
      : { kind: "web-identity", RoleSessionName: sessionName.trim(), WebIdentityToken: credential, DurationSeconds: duration };
    const parsed = federatedSignInSchema.safeParse(input);
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (parsed.success) await signIn.mutateAsync(parsed.data).catch(() => undefined);
  }

  const mintError = mintToken.error ?? mintAssertion.error;
  const credentialLabel = saml ? "SAML assertion (base64)" : "Web identity token (JWT)";
  return (
    <div className="flex flex-col gap-6">
      <Card title="Sign in with an identity provider" description="As AssumeRoleWithWebIdentity or AssumeRoleWithSAML: unsigned, the token or assertion is the identity.">
        <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="federated-sign-in-form">
          <Field label="Identity provider" hint="The providers this role's trust policy names." className="sm:col-span-2">
            {({ id, describedBy }) => (
              <Select id={id} aria-describedby={describedBy} value={provider.arn} onChange={(e) => { setProviderArn(e.target.value); signIn.reset(); setErrors({}); }} data-testid="sign-in-provider-select">
                {trusted.map((t) => <option key={t.arn} value={t.arn}>{KIND_LABEL[t.kind]}: {providerName(t.arn)}{demoArns.includes(t.arn) ? " (test identity provider)" : ""}</option>)}
              </Select>
            )}
          </Field>
          {isDemo && (
            <fieldset className="flex flex-wrap gap-x-6 gap-y-2 sm:col-span-2">
              <legend className="mb-1.5 text-[13px] font-medium">How to sign in</legend>
              <label className="flex items-center gap-2 text-[13px]"><input type="radio" name="method" checked={useTestIdp} onChange={() => setUseTestIdp(true)} data-testid="sign-in-method-test-idp" />
                Sign in with the test identity provider <Badge tone="accent">Roleplane&apos;s own</Badge></label>
              <label className="flex items-center gap-2 text-[13px]"><input type="radio" name="method" checked={!useTestIdp} onChange={() => setUseTestIdp(false)} data-testid="sign-in-method-paste" />
                Paste a {saml ? "SAML assertion" : "token"}</label>
            </fieldset>
          )}
          {minting ? (
            <>
              <Field label={saml ? "Subject (NameID)" : "Subject (sub)"} error={errors.subject} hint={saml ? "The user the assertion is about: SAML:sub in the trust policy." : "The user or workload the token is about: the :sub key in the trust policy."}>
                {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={subject} placeholder={subjectValue} className="font-mono text-[13px]" onChange={(e) => setSubject(e.target.value)} data-testid="sign-in-subject-input" />}
              </Field>
              {!saml && (
                <Field label="Audience (aud)" error={errors.audience} hint="One of the provider's client IDs, or STS refuses the token.">
                  {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={audience} className="font-mono text-[13px]" onChange={(e) => setAudience(e.target.value)} data-testid="sign-in-audience" />}
                </Field>
              )}
            </>
          ) : (
            <Field label={credentialLabel} error={errors.WebIdentityToken ?? errors.SAMLAssertion}
              hint={isDemo ? <>Mint one on the <Link href={toDemoIdentityProvider()} className="text-accent hover:underline">test identity provider</Link> page.</> : "Roleplane cannot reach an outside provider for you: paste a token or assertion it issued."}
              className="sm:col-span-2">
              {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} code rows={5} value={pasted} onChange={(e) => setPasted(e.target.value)} data-testid="sign-in-credential" />}
            </Field>
          )}
          {(!saml || minting) && (
            <Field label={saml ? "Role session name (RoleSessionName attribute)" : "Role session name"} error={errors.RoleSessionName ?? errors.roleSessionName} hint="Names the session in its ARN and the audit trail.">
              {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={sessionName} className="font-mono text-[13px]" onChange={(e) => setSessionName(e.target.value)} data-testid="sign-in-session-name" />}
            </Field>
          )}
          <Field label="Session duration" hint={`This role allows up to ${formatDuration(role.maxSessionDuration)}.`}>
            {({ id, describedBy }) => <Select id={id} aria-describedby={describedBy} value={duration} onChange={(e) => setDuration(Number(e.target.value))} data-testid="sign-in-duration">{durations.map((d) => <option key={d} value={d}>{formatDuration(d)}</option>)}</Select>}
          </Field>
          <div className="sm:col-span-2">
            <Button type="submit" variant="primary" icon={<LogIn aria-hidden className="size-4" />} disabledReason={readOnly ? "Only admins can sign in here: it issues credentials." : undefined}
              loading={mintToken.isPending || mintAssertion.isPending || signIn.isPending} data-testid="federated-sign-in">Sign in</Button>
          </div>
        </form>
      </Card>
      {mintError && <ErrorState title="The test identity provider did not mint" message={mintError.message} />}
      {signIn.error && <ErrorState title="Not signed in" message={signIn.error.message} />}
      {signIn.data && <SignInResult result={signIn.data} roleName={role.name} />}
    </div>
  );
}
