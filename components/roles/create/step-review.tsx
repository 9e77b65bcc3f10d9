"use client";
import Link from "next/link";
import { Pencil } from "lucide-react";
import { createRoleCommands } from "@/lib/aws-cli/create-role";
import { LIMITS } from "@/lib/domain/limits";
import { createsInstanceProfile } from "@/lib/trust-builder/build";
import { CopyButton } from "@/components/ui/copy-button";
import { prettyJson } from "@/components/format";
import { TagEditor } from "../tag-editor";
import { StepDetails } from "./step-details";
import { toCreateInput, type DraftErrors, type RoleDraft, type WizardStep } from "./draft";

function Section({ title, edit, children, testId }: { title: string; edit?: string; children: React.ReactNode; testId: string }) {
  return (
    <section className="rounded-lg border border-border" data-testid={testId}>
      <header className="flex items-center justify-between border-b border-border bg-surface-2/60 px-4 py-2.5">
        <h3 className="text-[13px] font-semibold">{title}</h3>
        {edit && (
          <Link href={edit} className="inline-flex items-center gap-1 text-[13px] font-medium text-accent hover:underline">
            <Pencil aria-hidden className="size-3.5" />Edit<span className="sr-only"> {title}</span>
          </Link>
        )}
      </header>
      <div className="flex flex-col gap-3 p-4">{children}</div>
    </section>
  );
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid gap-1 py-1 text-[13px] sm:grid-cols-[11rem_1fr] sm:gap-3">
    <dt className="text-fg-muted">{label}</dt>
    <dd className="min-w-0 break-words">{children}</dd>
  </div>
);

const Refusal = ({ message, testId }: { message?: string; testId: string }) =>
  message ? <p role="alert" className="rounded-md border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] text-danger-soft-fg" data-testid={testId}>{message}</p> : null;

const None = ({ children = "None" }: { children?: React.ReactNode }) => <span className="text-fg-subtle">{children}</span>;

/**
 * Step 3, "Name, review, and create": the role's name and details, a review of the earlier steps with Edit links,
 * its tags, and the AWS CLI commands that would make the same role. Errors sit beside the input or the reviewed
 * choice they are about, in IAM's words when IAM gave them.
 */
export function StepReview({ draft, update, errors, hrefFor, endpoint }: {
  draft: RoleDraft;
  update: (patch: Partial<RoleDraft>) => void;
  errors: DraftErrors;
  hrefFor: (s: WizardStep) => string;
  endpoint: string;
}) {
  const profile = createsInstanceProfile(draft.trust);
  return (
    <div className="flex flex-col gap-5" data-testid="review">
      <Section title="Role details" testId="review-details">
        <StepDetails draft={draft} update={update} errors={errors} />
      </Section>
      <Section title="Step 1: Select trusted entity" edit={hrefFor("trust")} testId="review-trust">
        <p className="text-[13px] text-fg-muted">The trust policy: who may assume the role, and when.</p>
        <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-surface-2 p-3 font-mono text-xs leading-relaxed" data-testid="review-trust-policy">{prettyJson(draft.trustPolicy)}</pre>
        <Refusal message={errors.trustPolicy} testId="review-trust-error" />
        {profile && (
          <p className="text-[13px] text-fg-muted" data-testid="review-instance-profile">
            Instance profile <span className="font-medium text-fg">{draft.name || "(the role's name)"}</span> is created with the role and holds it, so EC2 instances can use it.
          </p>
        )}
      </Section>
      <Section title="Step 2: Add permissions" edit={hrefFor("permissions")} testId="review-permissions">
        <dl>
          <Row label="Permissions policies">
            {draft.policyArns.length ? (
              <ul className="flex flex-col gap-1" data-testid="review-policies">
                {draft.policyArns.map((arn, i) => (
                  <li key={arn}>
                    <code className="text-xs">{arn}</code>
                    {errors.policyRows?.[i] && <span role="alert" className="block text-[13px] text-danger">{errors.policyRows[i]}</span>}
                  </li>
                ))}
              </ul>
            ) : <None>None — the role starts with no permissions</None>}
            <Refusal message={errors.policies} testId="review-policies-error" />
          </Row>
          <Row label="Inline policy">
            {draft.inlinePolicy ? (
              <details>
                <summary className="cursor-pointer font-medium" data-testid="review-inline-name">{draft.inlinePolicyName}</summary>
                <pre tabIndex={0} className="mt-2 max-h-60 overflow-auto rounded-md bg-surface-2 p-3 font-mono text-xs">{prettyJson(draft.inlinePolicy)}</pre>
              </details>
            ) : <None />}
            <Refusal message={errors.inlinePolicy ?? errors.inlinePolicyName} testId="review-inline-error" />
          </Row>
          <Row label="Permissions boundary">
            {draft.boundaryArn ? <code className="text-xs" data-testid="review-boundary">{draft.boundaryArn}</code> : <None />}
            <Refusal message={errors.boundary} testId="review-boundary-error" />
          </Row>
        </dl>
      </Section>
      <Section title="Step 3: Add tags" testId="review-tags">
        <p className="text-[13px] text-fg-muted">Key–value pairs to find, organize and control access to the role (up to {LIMITS.tagsPerEntity}).</p>
        <TagEditor tags={draft.tags} onChange={(tags) => update({ tags })} errors={errors.tagRows} max={LIMITS.tagsPerEntity} />
        {errors.tags && <p role="alert" className="text-[13px] text-danger" data-testid="tags-error">{errors.tags}</p>}
      </Section>
      <CliCommands draft={draft} endpoint={endpoint} />
    </div>
  );
}

/** The same role made with the AWS CLI against this endpoint, one command per IAM action, each with its copy button. */
function CliCommands({ draft, endpoint }: { draft: RoleDraft; endpoint: string }) {
  const input = toCreateInput(draft);
  const commands = createRoleCommands({ ...input, RoleName: input.RoleName || "<ROLE_NAME>" }, endpoint);
  const all = commands.map((c) => c.command).join("\n\n");
  return (
    <section aria-labelledby="cli-heading" data-testid="cli-commands">
      <div className="mb-2 flex items-center justify-between gap-3">
        <div>
          <h3 id="cli-heading" className="text-[13px] font-semibold">Equivalent AWS CLI commands</h3>
          <p className="text-xs text-fg-muted">
            Run in this order to make the same role with the AWS CLI. Create role does all of it in one transaction: either everything is made or nothing is.
          </p>
        </div>
        <span className="flex shrink-0 items-center gap-1 text-xs whitespace-nowrap text-fg-muted">Copy all<CopyButton value={all} label="all AWS CLI commands" /></span>
      </div>
      <ol className="flex flex-col gap-2">
        {commands.map((c, i) => (
          <li key={i} className="overflow-hidden rounded-lg border border-[#262c44] bg-[#0f1320]" data-testid="cli-command">
            <div className="flex items-center justify-between border-b border-[#262c44] px-3 py-1">
              <span className="text-xs text-[#aab2d0]">{i + 1}. {c.title} <span className="text-[#7f88ab]">· {c.action}</span></span>
              <CopyButton value={c.command} label={`command ${i + 1}, ${c.action}`} className="text-[#aab2d0] hover:bg-[#262c44] hover:text-white" />
            </div>
            <pre tabIndex={0} className="overflow-x-auto p-3 font-mono text-xs leading-relaxed text-[#d7dcf0]">{c.command}</pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
