"use client";
import { Fingerprint, ShieldCheck } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useProviderQuery, useProvidersQuery, useRegisterDemoMutation } from "../provider-queries";
import { OidcMinter } from "./oidc-minter";
import { SamlMinter } from "./saml-minter";

/**
 * Roleplane's own test identity provider: register the demo OIDC and SAML providers of this account, then mint
 * tokens and assertions with them. Not part of AWS, and said so.
 */
export function TestIdpView() {
  const providers = useProvidersQuery();
  if (providers.error) return <ErrorState title="Could not load identity providers" message={providers.error.message} onRetry={() => providers.refetch()} />;
  if (!providers.data) return <Skeleton className="h-64" />;
  const { oidcArn, samlArn } = providers.data.demo;
  return (
    <div className="grid gap-6 xl:grid-cols-2">
      <DemoCard kind="oidc" arn={oidcArn} title="OpenID Connect tokens" icon={<Fingerprint aria-hidden className="size-4" />}
        intro="An issuer that signs ID tokens (JWTs, RS256) for the subject and audience you choose, for roles trusting sts:AssumeRoleWithWebIdentity." />
      <DemoCard kind="saml" arn={samlArn} title="SAML 2.0 assertions" icon={<ShieldCheck aria-hidden className="size-4" />}
        intro="An identity provider that signs SAML responses offering a role, for roles trusting sts:AssumeRoleWithSAML." />
    </div>
  );
}

function DemoCard({ kind, arn, title, intro, icon }: { kind: "oidc" | "saml"; arn: string | null; title: string; intro: string; icon: React.ReactNode }) {
  const readOnly = useReadOnlyReason();
  const register = useRegisterDemoMutation(kind);
  const details = useProviderQuery(arn);
  const toast = useToast();
  return (
    <Card title={<span className="flex items-center gap-2">{icon}{title}{arn && <Badge tone="success">Registered</Badge>}</span>} description={intro}>
      {!arn ? (
        <div className="flex flex-col items-start gap-3" data-testid={`demo-${kind}-unregistered`}>
          <p className="text-[13px] text-fg-muted">
            Registers {kind === "oidc" ? "an OpenID Connect provider" : "a SAML provider"} in this account with a fresh key pair. The private key stays in Roleplane, sealed at rest; delete the provider to discard it.
          </p>
          <Button variant="primary" loading={register.isPending} disabledReason={readOnly} data-testid={`register-demo-${kind}`}
            onClick={() => register.mutateAsync().then(() => toast({ tone: "success", title: "Test provider registered" }), (e: Error) => toast({ tone: "error", title: "Not registered", message: e.message }))}>
            Register the test {kind === "oidc" ? "OIDC" : "SAML"} provider
          </Button>
        </div>
      ) : details.error ? (
        <ErrorState title="Could not load the provider" message={details.error.message} onRetry={() => details.refetch()} />
      ) : !details.data ? (
        <Skeleton className="h-48" />
      ) : readOnly ? (
        <p className="text-[13px] text-fg-muted" data-testid={`demo-${kind}-admins-only`}>Only admins can mint tokens and assertions: they are as good as the roles that trust this provider.</p>
      ) : details.data.type === "OIDC" ? (
        <OidcMinter details={details.data} />
      ) : (
        <SamlMinter details={details.data} />
      )}
    </Card>
  );
}
