"use client";
import { useState } from "react";
import Link from "next/link";
import { FileSignature } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { mintDemoAssertionSchema, NAME_ID_FORMATS } from "@/lib/domain/identity-provider-schemas";
import { useMintAssertionMutation, type ProviderDetailsDto } from "../provider-queries";
import { toIdentityProvider } from "../routes";
import { cliCommand, ExpiresNote, MintedOutput } from "./minted-output";
import { PairsEditor, valuesOf, type Pair } from "./pairs-editor";

const ATTRIBUTE_SUGGESTIONS = [
  "https://aws.amazon.com/SAML/Attributes/PrincipalTag:team",
  "https://aws.amazon.com/SAML/Attributes/SourceIdentity",
  "https://aws.amazon.com/SAML/Attributes/SessionDuration",
  "https://aws.amazon.com/SAML/Attributes/TransitiveTagKeys",
  "urn:oid:1.3.6.1.4.1.5923.1.1.1.1",
  "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress",
];

type SamlDetails = Extract<ProviderDetailsDto, { type: "SAML" }>;

/** Mints a signed SAML response from the demo IdP offering a role, for a subject and session name. */
export function SamlMinter({ details }: { details: SamlDetails }) {
  const p = details.provider;
  const [subject, setSubject] = useState("ada@example.com");
  const [format, setFormat] = useState<(typeof NAME_ID_FORMATS)[number]>("persistent");
  const [role, setRole] = useState(details.roles[0]?.arn ?? "");
  const [sessionName, setSessionName] = useState("ada");
  const [attributes, setAttributes] = useState<Pair[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mint = useMintAssertionMutation();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = mintDemoAssertionSchema.safeParse({ subject: subject.trim(), nameIdFormat: format, roleArns: role ? [role.trim()] : [], roleSessionName: sessionName.trim(),
      attributes: Object.fromEntries(attributes.filter((a) => a.name.trim()).map((a) => [a.name.trim(), valuesOf(a.value)])),
    });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (parsed.success) await mint.mutateAsync(parsed.data).catch(() => undefined);
  }

  const minted = mint.data;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-[13px] text-fg-muted">
        Provider <Link href={toIdentityProvider(p.arn)} className="font-mono text-accent hover:underline" data-testid="demo-saml-link">{p.name}</Link>, entity <code className="font-mono">{details.entityId}</code>. STS accepts an assertion for five minutes after it is issued.
      </p>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" data-testid="mint-assertion-form">
        <Field label="Subject (NameID)" error={errors.subject} hint="SAML:sub in trust policies.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="assert-subject" />}
        </Field>
        <Field label="NameID format" hint="SAML:sub_type.">
          {({ id, describedBy }) => <Select id={id} aria-describedby={describedBy} value={format} onChange={(e) => setFormat(e.target.value as typeof format)} data-testid="assert-format">{NAME_ID_FORMATS.map((f) => <option key={f} value={f}>{f}</option>)}</Select>}
        </Field>
        <Field label="Role" error={errors.roleArns} hint={details.roles.length ? "The Role attribute offers this role with this provider." : "No role trusts this provider yet: create one for SAML 2.0 federation first."}>
          {({ id, describedBy, invalid }) => <Select id={id} aria-describedby={describedBy} aria-invalid={invalid || undefined} value={role} onChange={(e) => setRole(e.target.value)} data-testid="assert-role">
            <option value="">Choose a role…</option>
            {details.roles.map((r) => <option key={r.arn} value={r.arn}>{r.name}</option>)}
          </Select>}
        </Field>
        <Field label="Role session name" error={errors.roleSessionName} hint="The RoleSessionName attribute: 2–64 letters, digits and _ + = , . @ -">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={sessionName} onChange={(e) => setSessionName(e.target.value)} data-testid="assert-session-name" />}
        </Field>
        <PairsEditor legend="Extra attributes" noun="Attribute" testId="assert-attribute" pairs={attributes} onChange={setAttributes} error={errors.attributes}
          suggestions={ATTRIBUTE_SUGGESTIONS} hint="By SAML Name; separate several values with commas." />
        <div className="sm:col-span-2"><Button type="submit" variant="primary" icon={<FileSignature aria-hidden className="size-4" />} loading={mint.isPending} data-testid="mint-assertion">Mint assertion</Button></div>
      </form>
      {mint.error && <ErrorState title="Not minted" message={mint.error.message} />}
      {minted && (
        <div className="flex flex-col gap-3 rounded-lg border border-border bg-surface-2/50 p-4" data-testid="minted-assertion-panel">
          <MintedOutput label="SAML assertion (base64)" value={minted.samlAssertion} testId="minted-assertion" />
          <ExpiresNote at={minted.expiresAt} />
          <MintedOutput label="AWS CLI" rows={5} testId="minted-saml-cli"
            value={cliCommand([["role-arn", role], ["principal-arn", minted.principalArn], ["saml-assertion", minted.samlAssertion]], "sts assume-role-with-saml")} />
        </div>
      )}
    </div>
  );
}
