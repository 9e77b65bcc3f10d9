"use client";
import { Building2, Cloud, FileJson, Fingerprint, Globe } from "lucide-react";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { ConceptId } from "@/lib/concepts/glossary";
import { trustChoiceErrors, type TrustChoice, type TrustChoiceErrors, type TrustedEntity } from "@/lib/trust-builder/build";
import { TrustServiceForm } from "./trust-service-form";
import { TrustAccountForm } from "./trust-account-form";
import { TrustWebIdentityForm } from "./trust-web-identity-form";
import { TrustSamlForm } from "./trust-saml-form";
import { heightToFit, TrustCustomForm } from "./trust-custom-form";
import type { RoleDraft } from "./draft";
import { RoleGuide } from "./role-guide";
import { InfoLink } from "@/components/concepts/info-link";

/** The AWS console's trusted entity types, with when to use each and the concept each one rests on. */
const ENTITIES: { id: TrustedEntity; label: string; when: string; icon: typeof Cloud; concept: ConceptId }[] = [
  { id: "service", label: "AWS service", when: "Allow AWS services like EC2, Lambda, or others to perform actions in this account.", icon: Cloud, concept: "service-role" },
  { id: "account", label: "AWS account", when: "Allow entities in AWS accounts belonging to you or a 3rd party to perform actions in this account.", icon: Building2, concept: "delegation" },
  { id: "web-identity", label: "Web identity", when: "Allows users federated by the specified external web identity provider to assume this role.", icon: Globe, concept: "federation" },
  { id: "saml", label: "SAML 2.0 federation", when: "Allow users federated with SAML 2.0 from a corporate directory to perform actions in this account.", icon: Fingerprint, concept: "federated-user" },
  { id: "custom", label: "Custom trust policy", when: "Create a custom trust policy to enable others to perform actions in this account.", icon: FileJson, concept: "trust-policy" },
];

export interface TrustFormProps {
  trust: TrustChoice;
  change: (patch: Partial<TrustChoice>) => void;
  errors: TrustChoiceErrors;
}

/**
 * Step 1: who may assume the role. The answers build the trust policy shown live beside them (validated as the
 * editor validates, with its plain-words summary); "Custom trust policy" edits the JSON itself. `onErrorsChange`
 * reports ERROR findings (what CreateRole would refuse), so the wizard can hold Next.
 */
export function StepTrust({ draft, change, update, errors, jsonError, onErrorsChange }: {
  draft: RoleDraft;
  change: (patch: Partial<TrustChoice>) => void;
  update: (patch: Partial<RoleDraft>) => void;
  errors: TrustChoiceErrors;
  jsonError?: string;
  onErrorsChange: (hasErrors: boolean) => void;
}) {
  const { trust } = draft;
  const form = { trust, change, errors };
  const custom = trust.entity === "custom";
  const incomplete = Object.keys(trustChoiceErrors(trust)).length > 0;
  return (
    <div className="flex flex-col gap-6">
      <RoleGuide trust={trust} change={change} />
      <fieldset>
        <legend className="mb-2 flex items-center gap-1.5 text-[13px] font-medium">Trusted entity type <InfoLink concept="trusted-entity" /></legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {ENTITIES.map((e) => (
            <div key={e.id} className="relative">
              <label
                className={cn(
                  "flex h-full cursor-pointer gap-3 rounded-lg border p-3 pr-12 transition-colors hover:border-border-strong has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                  trust.entity === e.id ? "border-accent bg-accent-soft/50" : "border-border",
                )}
              >
                <input
                  type="radio"
                  name="trusted-entity"
                  value={e.id}
                  checked={trust.entity === e.id}
                  onChange={() => change({ entity: e.id })}
                  className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]"
                  data-testid={`entity-${e.id}`}
                />
                <span>
                  <span className="flex items-center gap-1.5 text-sm font-medium"><e.icon aria-hidden className="size-4 text-fg-muted" />{e.label}</span>
                  <span className="mt-0.5 block text-xs text-fg-muted">{e.when}</span>
                </span>
              </label>
              <InfoLink concept={e.concept} className="absolute top-3 right-3" />
            </div>
          ))}
        </div>
      </fieldset>
      {custom ? (
        <TrustCustomForm draft={draft} update={update} jsonError={jsonError} onErrorsChange={onErrorsChange} />
      ) : (
        <div className="grid items-start gap-6 2xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div className="flex min-w-0 flex-col gap-5" data-testid={`trust-form-${trust.entity}`}>
            {trust.entity === "service" && <TrustServiceForm {...form} />}
            {trust.entity === "account" && <TrustAccountForm {...form} />}
            {trust.entity === "web-identity" && <TrustWebIdentityForm {...form} />}
            {trust.entity === "saml" && <TrustSamlForm {...form} />}
          </div>
          <section aria-label="Trust policy being built" className="flex min-w-0 flex-col gap-2">
            {incomplete && (
              <p className="text-[13px] text-fg-muted" data-testid="trust-incomplete">
                Finish the answers to complete this policy: each <code>&lt;PLACEHOLDER&gt;</code> marks one still missing.
              </p>
            )}
            <PolicyEditor
              kind="trust"
              readOnly
              value={draft.trustPolicy}
              onChange={() => {}}
              onFindingsChange={(_, s) => onErrorsChange(s.hasErrors)}
              title="Trust policy (built from your answers)"
              ariaLabel="Trust policy (JSON)"
              testId="trust-preview"
              contentTestId="trust-policy"
              height={heightToFit(draft.trustPolicy, 140)}
            />
            <div>
              <Button
                size="sm"
                variant="secondary"
                data-testid="open-in-editor"
                onClick={() => {
                  update({ customTrustPolicy: draft.trustPolicy, templateId: "" });
                  change({ entity: "custom" });
                }}
              >
                <FileJson aria-hidden className="size-3.5" /> Edit as JSON
              </Button>
            </div>
          </section>
        </div>
      )}
    </div>
  );
}
