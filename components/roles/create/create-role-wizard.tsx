"use client";
import { useEffect, useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { useIsClient, useOrigin } from "@/components/ui/use-client";
import { useConsole, useReadOnlyReason } from "@/components/shell/console-context";
import { isTrustedEntity, trustChoiceErrors, type TrustChoice } from "@/lib/trust-builder/build";
import { findServiceUseCase } from "@/lib/trust-builder/services";
import { useCreateRoleMutation } from "../role-queries";
import { toRole } from "../routes";
import { firstIncompleteStep, loadDraft, saveDraft } from "./draft-storage";
import { ApiError } from "@/components/api/fetch-json";
import { emptyDraft, firstStepWithErrors, hasErrors, isWizardStep, placeError, STEP_LABELS, toCreateInput, trustJsonError, validateDraft, withTrust, WIZARD_STEPS, type DraftErrors, type RoleDraft, type WizardStep } from "./draft";
import { WizardSteps } from "./wizard-steps";
import { StepTrust } from "./step-trust";
import { StepPermissions } from "./step-permissions";
import { StepReview } from "./step-review";

/** Step 1's URL names the entity type (and service), e.g. `?step=trust&entity=service&service=ec2`, so it can be linked. */
const trustHref = (t: TrustChoice) => `/roles/new?step=trust&entity=${t.entity}${t.entity === "service" ? `&service=${encodeURIComponent(t.service)}` : ""}`;

export function CreateRoleWizard() {
  const { account } = useConsole();
  const readOnly = useReadOnlyReason();
  const router = useRouter();
  const toast = useToast();
  const params = useSearchParams();
  const requested = params.get("step");
  const step: WizardStep = isWizardStep(requested) ? requested : "trust";
  const [draft, setDraft] = useState<RoleDraft>(() => emptyDraft(account.id));
  // The saved draft is the browser's: adopted in the first client render, as soon as sessionStorage can be read.
  const isClient = useIsClient();
  const [loaded, setLoaded] = useState(false);
  if (isClient && !loaded) {
    setLoaded(true);
    const saved = loadDraft(account.id);
    if (saved) setDraft(saved);
  }
  // The entity and service in the URL (a shared link, back and forward) win over the saved draft's.
  const urlEntity = params.get("entity");
  const urlService = params.get("service");
  const [adoptedUrl, setAdoptedUrl] = useState<string | null>(null);
  if (loaded && adoptedUrl !== `${urlEntity}|${urlService}`) {
    setAdoptedUrl(`${urlEntity}|${urlService}`);
    const patch: Partial<TrustChoice> = {};
    if (isTrustedEntity(urlEntity)) patch.entity = urlEntity;
    if (urlService && findServiceUseCase(urlService)) patch.service = urlService;
    if (patch.entity || patch.service) setDraft((d) => withTrust(d, patch, account.id));
  }
  useEffect(() => {
    if (loaded) saveDraft(draft);
  }, [draft, loaded]);
  const [showErrors, setShowErrors] = useState(false);
  const [trustHasErrors, setTrustHasErrors] = useState(false);
  const [inlineHasErrors, setInlineHasErrors] = useState(false);
  // IAM's refusal of Create role, placed beside the input it names; any edit may have answered it.
  const [refused, setRefused] = useState<DraftErrors>({});
  const endpoint = `${useOrigin()}/api/aws`;
  const create = useCreateRoleMutation();
  const update = (patch: Partial<RoleDraft>) => {
    setRefused({});
    setDraft((d) => ({ ...d, ...patch }));
  };
  const hrefFor = (s: WizardStep) => (s === "trust" ? trustHref(draft.trust) : `/roles/new?step=${s}`);
  const changeTrust = (patch: Partial<TrustChoice>) => setDraft((d) => withTrust(d, patch, account.id));
  // Step 1's URL follows the answers, so it can be reloaded, shared, and left and come back to.
  const { entity, service } = draft.trust;
  useEffect(() => {
    if (loaded && step === "trust" && (urlEntity !== entity || (entity === "service" && urlService !== service)))
      router.replace(trustHref(draft.trust), { scroll: false });
  }, [loaded, step, urlEntity, urlService, entity, service, router, draft.trust]);
  const errors: DraftErrors = { ...refused, ...(showErrors ? validateDraft(draft) : {}) };
  const trustErrors = showErrors ? trustChoiceErrors(draft.trust) : {};
  const index = WIZARD_STEPS.indexOf(step);
  const reachable = firstIncompleteStep(draft);
  // A step is only reachable once the ones before it are complete (e.g. a reload on ?step=review of an empty draft).
  useEffect(() => {
    if (loaded && reachable && index > WIZARD_STEPS.indexOf(reachable)) router.replace(reachable === "trust" ? trustHref(draft.trust) : `/roles/new?step=${reachable}`);
  }, [loaded, reachable, index, router, draft.trust]);

  function next() {
    const blocking =
      step === "trust" ? !!trustJsonError(draft.trustPolicy) || hasErrors(trustChoiceErrors(draft.trust))
      : step === "permissions" ? inlineHasErrors || firstStepWithErrors(validateDraft(draft)) === "permissions"
      : false;
    setShowErrors(blocking);
    if (!blocking) router.push(hrefFor(WIZARD_STEPS[index + 1]));
  }

  /** One request: the role with its policies, boundary, tags and instance profile, or nothing at all. */
  async function submit() {
    const first = firstStepWithErrors(validateDraft(draft));
    if (first) {
      setShowErrors(true);
      if (first !== "review") router.push(hrefFor(first));
      return;
    }
    const role = await create.mutateAsync(toCreateInput(draft)).catch((e: unknown) => {
      const placed: DraftErrors = {};
      if (e instanceof ApiError && e.field && placeError(placed, e.field, e.message)) {
        setRefused(placed);
        create.reset();
      }
      return null;
    });
    if (!role) return;
    saveDraft(null);
    toast({ tone: "success", title: `Role ${role.name} created` });
    router.push(toRole({ name: role.name }));
  }

  /** Next waits while the editor shows findings IAM would refuse; missing answers instead show their field errors on Next. */
  function nextHeldBy(): string | undefined {
    if (step === "trust" && trustHasErrors && !hasErrors(trustChoiceErrors(draft.trust))) return "The trust policy has errors IAM would refuse; fix the findings first.";
    if (step === "permissions" && inlineHasErrors) return "The inline policy has errors IAM would refuse; fix the findings first.";
    return undefined;
  }

  const cancel = () => {
    saveDraft(null);
    router.push("/roles");
  };

  return (
    <div className="grid gap-8 lg:grid-cols-[14rem_minmax(0,1fr)]">
      <WizardSteps current={step} hrefFor={hrefFor} />
      <div className="min-w-0 rounded-xl border border-border bg-surface shadow-card">
        <header className="border-b border-border px-6 py-4">
          <h2 className="text-base font-semibold">{STEP_LABELS[step]}</h2>
        </header>
        <div className="p-6">
          {step === "trust" && (
            <StepTrust draft={draft} change={changeTrust} update={update} errors={trustErrors} jsonError={errors.trustPolicy} onErrorsChange={setTrustHasErrors} />
          )}
          {step === "permissions" && <StepPermissions draft={draft} update={update} errors={errors} onInlineErrorsChange={setInlineHasErrors} />}
          {step === "review" && <StepReview draft={draft} update={update} errors={errors} hrefFor={hrefFor} endpoint={endpoint} />}
          {create.error && <div className="mt-4"><ErrorState title="The role was not created" message={create.error.message} /></div>}
        </div>
        <footer className="flex items-center justify-between gap-2 rounded-b-xl border-t border-border bg-surface-2/60 px-6 py-3.5">
          <Button variant="ghost" onClick={cancel} data-testid="wizard-cancel">Cancel</Button>
          <div className="flex items-center gap-2">
            {index > 0 && <Button onClick={() => router.push(hrefFor(WIZARD_STEPS[index - 1]))} data-testid="wizard-previous">Previous</Button>}
            {step === "review" ? (
              <Button variant="primary" onClick={submit} loading={create.isPending} disabledReason={readOnly} data-testid="create-role-submit">Create role</Button>
            ) : (
              <Button variant="primary" onClick={next} disabledReason={nextHeldBy()} data-testid="wizard-next">Next</Button>
            )}
          </div>
        </footer>
      </div>
    </div>
  );
}
