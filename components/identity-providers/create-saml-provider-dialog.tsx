"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { createSamlProviderSchema } from "@/lib/domain/identity-provider-schemas";
import { LIMITS } from "@/lib/domain/schemas";
import { FileTextField } from "./file-text-field";
import { useCreateSamlProviderMutation } from "./provider-queries";
import { toIdentityProvider } from "./routes";

/** CreateSAMLProvider: a name and the metadata document the identity provider publishes. */
export function CreateSamlProviderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState("");
  const [metadata, setMetadata] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateSamlProviderMutation();
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "saml", () => {
    setName("");
    setMetadata("");
    setErrors({});
  });
  useMutationResetOnOpen(open && "saml", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createSamlProviderSchema.safeParse({ Name: name.trim(), SAMLMetadataDocument: metadata });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((p) => {
      toast({ tone: "success", title: `SAML provider ${parsed.data.Name} added` });
      onClose();
      router.push(toIdentityProvider(p.arn));
    }).catch(() => undefined);
  }

  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Add a SAML 2.0 provider" testId="create-saml-dialog"
      description="Roles can then trust users your identity provider signs in (sts:AssumeRoleWithSAML)."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-saml-form" loading={create.isPending} data-testid="confirm-create-saml">Add provider</Button>
      </>}>
      <form id="create-saml-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Provider name" error={errors.Name} hint={`Up to ${LIMITS.samlProviderName.max} letters, digits and . _ -. It becomes the last part of the ARN, e.g. Okta.`}>
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={name} autoFocus autoComplete="off" onChange={(e) => setName(e.target.value)} data-testid="saml-name" />}
        </Field>
        <FileTextField label="Metadata document" value={metadata} onChange={setMetadata} error={errors.SAMLMetadataDocument} accept=".xml,application/xml,text/xml" rows={10} testId="saml-metadata"
          hint="The XML your identity provider publishes (its entity ID and signing certificates). Roleplane reads it before saving and tells you what it found." />
        {create.error && <ErrorState title={(create.error as { code?: string }).code ?? "Not added"} message={create.error.message} />}
      </form>
    </Dialog>
  );
}
