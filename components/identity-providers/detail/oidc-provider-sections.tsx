"use client";
import { useState } from "react";
import { Download, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/states";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { LIMITS } from "@/lib/domain/schemas";
import { useAddClientIdMutation, useFetchJwksMutation, useJwksMutation, useRemoveClientIdMutation, useThumbprintsMutation, type ProviderDetailsDto } from "../provider-queries";
import { DocumentDialog } from "./document-dialog";
import { ValueListCard } from "./value-list-card";

type OidcDetails = Extract<ProviderDetailsDto, { type: "OIDC" }>;

const KEY_SOURCE = { upload: "Uploaded JWKS", discovery: "Fetched from the issuer" } as const;

export function OidcSummary({ details }: { details: OidcDetails }) {
  const p = details.provider;
  return (
    <SummaryGrid>
      <SummaryField label="ARN" wide><CopyableCode value={p.arn} label="ARN" truncate testId="provider-arn" /></SummaryField>
      <SummaryField label="Type">OpenID Connect</SummaryField>
      <SummaryField label="Provider URL" wide><CopyableCode value={p.url} label="provider URL" truncate /></SummaryField>
      <SummaryField label="Created">{formatDateTime(p.createdAt)}</SummaryField>
      <SummaryField label="Condition key prefix"><code className="font-mono text-[12.5px]">{p.url.slice("https://".length)}:</code></SummaryField>
      <SummaryField label="Signing keys">{p.jwksSource ? `${KEY_SOURCE[p.jwksSource]} · ${details.keys.length}` : "Fetched from the issuer when needed"}</SummaryField>
    </SummaryGrid>
  );
}

export function OidcSections({ details }: { details: OidcDetails }) {
  const p = details.provider;
  const addAudience = useAddClientIdMutation(p.arn);
  const removeAudience = useRemoveClientIdMutation(p.arn);
  const thumbprints = useThumbprintsMutation(p.arn);
  return (
    <>
      <ValueListCard title="Audiences" noun="audience" testId="audience" max={LIMITS.clientIdsPerOidcProvider} values={p.clientIds} placeholder="e.g. sts.amazonaws.com"
        description="Client IDs a token may be issued for: STS refuses a token whose aud (or azp) is not one of them with “Incorrect token audience”."
        empty="No audience: every token from this provider is refused until you add one."
        add={(v) => addAudience.mutateAsync(v)} remove={(v) => removeAudience.mutateAsync(v)} />
      <ValueListCard title="Thumbprints" noun="thumbprint" testId="thumbprint" max={LIMITS.thumbprintsPerOidcProvider} values={p.thumbprints} placeholder="40 hexadecimal characters"
        description="SHA-1 fingerprints of the issuer's TLS certificates, kept for AWS fidelity; AWS uses them only for issuers outside its trusted CAs."
        empty="No thumbprints."
        add={(v) => thumbprints.mutateAsync([...p.thumbprints, v])} remove={(v) => thumbprints.mutateAsync(p.thumbprints.filter((t) => t !== v))} />
      <SigningKeysCard details={details} />
    </>
  );
}

function SigningKeysCard({ details }: { details: OidcDetails }) {
  const p = details.provider;
  const readOnly = useReadOnlyReason();
  const [uploading, setUploading] = useState(false);
  const upload = useJwksMutation(p.arn);
  const fetchKeys = useFetchJwksMutation(p.arn);
  const toast = useToast();
  const locked = readOnly ?? (p.demo ? "The test identity provider's keys are Roleplane's own." : undefined);
  return (
    <Card title="Signing keys" padded={false}
      description={<>Tokens are verified with these keys (Roleplane&apos;s own field: AWS fetches them from the issuer&apos;s <code>jwks_uri</code>). {p.jwksUpdatedAt && <>Updated {formatDateTime(p.jwksUpdatedAt)}.</>}</>}
      actions={<>
        <Button size="sm" icon={<Download aria-hidden className="size-4" />} disabledReason={locked} loading={fetchKeys.isPending} data-testid="fetch-jwks"
          onClick={() => fetchKeys.mutateAsync().then(() => toast({ tone: "success", title: "Keys fetched from the issuer" }), (e: Error) => toast({ tone: "error", title: "Could not fetch the keys", message: e.message }))}>Fetch from issuer</Button>
        <Button size="sm" variant="primary" icon={<Upload aria-hidden className="size-4" />} disabledReason={locked} onClick={() => setUploading(true)} data-testid="upload-jwks">Upload JWKS</Button>
      </>}>
      {details.keys.length === 0 ? (
        <p className="px-5 py-4 text-[13px] text-fg-muted" data-testid="no-signing-keys">No keys held. Roleplane asks the issuer for them at sign-in; where it cannot reach the issuer, upload its JWKS.</p>
      ) : (
        <Table label="Signing keys" testId="signing-keys">
          <thead><tr><Th>Key ID (kid)</Th><Th className="w-28">Type</Th><Th className="w-28">Algorithm</Th><Th className="w-32">Size</Th></tr></thead>
          <tbody>
            {details.keys.map((k, i) => (
              <Tr key={k.kid ?? i} testId="signing-key-row">
                <Td className="font-mono text-[12.5px]">{k.kid ?? "—"}</Td>
                <Td className="text-[13px]">{k.kty}</Td>
                <Td className="text-[13px]">{k.alg ?? "Any RSA/ECDSA"}</Td>
                <Td className="text-[13px] text-fg-muted">{k.size}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <DocumentDialog open={uploading} onClose={() => setUploading(false)} title="Upload the provider's JWKS" label="JSON Web Key Set" accept=".json,application/json" testId="jwks-upload" save={upload}
        description="The public keys the issuer signs tokens with, as published at its jwks_uri. Private and symmetric keys are refused." />
    </Card>
  );
}
