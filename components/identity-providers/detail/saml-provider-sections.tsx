"use client";
import { useState } from "react";
import { Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/states";
import { CopyButton } from "@/components/ui/copy-button";
import { CopyableCode, SummaryField, SummaryGrid } from "@/components/ui/summary-grid";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDate, formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useSamlMetadataMutation, type ProviderDetailsDto } from "../provider-queries";
import { ValidUntil } from "../valid-until";
import { DocumentDialog } from "./document-dialog";

type SamlDetails = Extract<ProviderDetailsDto, { type: "SAML" }>;

export function SamlSummary({ details }: { details: SamlDetails }) {
  const p = details.provider;
  return (
    <SummaryGrid>
      <SummaryField label="ARN" wide><CopyableCode value={p.arn} label="ARN" truncate testId="provider-arn" /></SummaryField>
      <SummaryField label="Type">SAML 2.0</SummaryField>
      <SummaryField label="Entity ID (issuer)" wide>{details.entityId ? <CopyableCode value={details.entityId} label="entity ID" truncate testId="saml-entity-id" /> : "Unreadable metadata"}</SummaryField>
      <SummaryField label="Created">{formatDateTime(p.createdAt)}</SummaryField>
      <SummaryField label="Valid until"><ValidUntil value={p.validUntil} /></SummaryField>
      <SummaryField label="Provider UUID"><code className="font-mono text-[12.5px]">{p.uuid}</code></SummaryField>
      <SummaryField label="Sign-in URL">{details.signOnUrls[0] ? <span className="break-all">{details.signOnUrls[0]}</span> : "—"}</SummaryField>
    </SummaryGrid>
  );
}

export function SamlSections({ details }: { details: SamlDetails }) {
  const p = details.provider;
  const readOnly = useReadOnlyReason();
  const [replacing, setReplacing] = useState(false);
  const save = useSamlMetadataMutation(p.arn);
  return (
    <>
      <Card title="Signing certificates" padded={false} description="Assertions must be signed with one of these certificates from the provider's metadata.">
        <Table label="Signing certificates" testId="saml-certificates">
          <thead><tr><Th>Subject</Th><Th className="w-32">Valid from</Th><Th className="w-48">Expires</Th><Th className="w-36">SHA-256</Th></tr></thead>
          <tbody>
            {details.certificates.map((c) => (
              <Tr key={c.fingerprintSha256} testId="saml-certificate-row">
                <Td className="text-[13px]"><span className="break-all" data-testid="saml-certificate-subject">{c.subject}</span><p className="mt-0.5 text-[11px] text-fg-subtle">{c.keyType} · issued by {c.issuer}</p></Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(c.notBefore)}</Td>
                <Td className="text-[13px] whitespace-nowrap"><ValidUntil value={c.notAfter} testId="saml-certificate-expiry" /></Td>
                <Td><span className="flex items-center gap-1"><code className="truncate font-mono text-[11px]" title={c.fingerprintSha256}>{c.fingerprintSha256.slice(0, 11)}…</code><CopyButton value={c.fingerprintSha256} label="SHA-256 fingerprint" /></span></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Card title="Metadata document" padded={false} description="As uploaded; GetSAMLProvider returns it unchanged."
        actions={<>
          <CopyButton value={p.metadataDocument} label="metadata document" />
          <Button size="sm" icon={<Upload aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => setReplacing(true)} data-testid="replace-metadata">Replace metadata</Button>
        </>}>
        <pre className="max-h-72 overflow-auto px-5 py-4 font-mono text-[12px] leading-relaxed whitespace-pre-wrap break-all text-fg-muted" data-testid="saml-metadata-document" tabIndex={0}>{p.metadataDocument}</pre>
      </Card>
      <DocumentDialog open={replacing} onClose={() => setReplacing(false)} title="Replace the metadata" label="Metadata document" accept=".xml,application/xml,text/xml" testId="metadata-replace" save={save}
        description="UpdateSAMLProvider: new metadata from your identity provider, for example after it rotated its signing certificate." />
    </>
  );
}
