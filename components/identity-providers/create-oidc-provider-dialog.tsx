"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen, useResetOnOpen } from "@/components/ui/use-reset-on-open";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { createOidcProviderSchema } from "@/lib/domain/identity-provider-schemas";
import { LIMITS } from "@/lib/domain/schemas";
import { FileTextField } from "./file-text-field";
import { useCreateOidcProviderMutation } from "./provider-queries";
import { toIdentityProvider } from "./routes";

const lines = (text: string) => text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);

/** CreateOpenIDConnectProvider: the issuer URL, its audiences, thumbprints, and (Roleplane's own) its keys. */
export function CreateOidcProviderDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [url, setUrl] = useState("https://");
  const [audiences, setAudiences] = useState("sts.amazonaws.com");
  const [thumbprints, setThumbprints] = useState("");
  const [jwks, setJwks] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateOidcProviderMutation();
  const router = useRouter();
  const toast = useToast();
  useResetOnOpen(open && "oidc", () => {
    setUrl("https://");
    setAudiences("sts.amazonaws.com");
    setThumbprints("");
    setJwks("");
    setErrors({});
  });
  useMutationResetOnOpen(open && "oidc", create);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = createOidcProviderSchema.safeParse({ Url: url.trim(), ClientIDList: lines(audiences), ThumbprintList: lines(thumbprints), Jwks: jwks.trim() || undefined });
    setErrors(parsed.success ? {} : fieldErrors(parsed.error.issues).fields);
    if (!parsed.success) return;
    await create.mutateAsync(parsed.data).then((p) => {
      toast({ tone: "success", title: "OpenID Connect provider added" });
      onClose();
      router.push(toIdentityProvider(p.arn));
    }).catch(() => undefined);
  }

  return (
    <Dialog open={open} onClose={onClose} size="lg" title="Add an OpenID Connect provider" testId="create-oidc-dialog"
      description="Roles can then trust tokens this issuer signs (sts:AssumeRoleWithWebIdentity)."
      footer={<>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" type="submit" form="create-oidc-form" loading={create.isPending} data-testid="confirm-create-oidc">Add provider</Button>
      </>}>
      <form id="create-oidc-form" onSubmit={submit} noValidate className="flex flex-col gap-4 pb-2">
        <Field label="Provider URL" error={errors.Url} hint="The issuer: the iss claim of its tokens, e.g. https://token.actions.githubusercontent.com. https only; a path is allowed, a port or query is not.">
          {({ id, describedBy, invalid }) => <Input id={id} aria-describedby={describedBy} invalid={invalid} value={url} autoFocus className="font-mono text-[13px]" onChange={(e) => setUrl(e.target.value)} data-testid="oidc-url" />}
        </Field>
        <Field label="Audiences (client IDs)" optional error={errors.ClientIDList} hint={`One per line, up to ${LIMITS.clientIdsPerOidcProvider}. A token's aud (or azp) must be one of them. sts.amazonaws.com is what GitHub Actions and EKS use.`}>
          {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} code rows={3} value={audiences} onChange={(e) => setAudiences(e.target.value)} data-testid="oidc-audiences" />}
        </Field>
        <Field label="Thumbprints" optional error={errors.ThumbprintList} hint={`Hex SHA-1 fingerprints of the issuer's TLS certificates, one per line, up to ${LIMITS.thumbprintsPerOidcProvider}. AWS uses them only for issuers outside its trusted CAs.`}>
          {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} code rows={2} value={thumbprints} onChange={(e) => setThumbprints(e.target.value)} data-testid="oidc-thumbprints" />}
        </Field>
        <FileTextField label="Signing keys (JWKS)" optional value={jwks} onChange={setJwks} error={errors.Jwks} accept=".json,application/json" rows={5} testId="oidc-jwks"
          hint={<>Roleplane&apos;s own: the issuer&apos;s public keys as a JSON Web Key Set (its <code>jwks_uri</code> document). Without one, Roleplane fetches them from the issuer when it can reach it.</>} />
        {create.error && <ErrorState title={(create.error as { code?: string }).code ?? "Not added"} message={create.error.message} />}
      </form>
    </Dialog>
  );
}
