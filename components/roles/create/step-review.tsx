"use client";
import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDuration, prettyJson } from "@/components/format";
import { createRoleCliCommand } from "../cli-command";
import { createsInstanceProfile } from "@/lib/trust-builder/build";
import { toCreateInput, type RoleDraft, type WizardStep } from "./draft";

function Section({ title, edit, children }: { title: string; edit: string; children: React.ReactNode }) {
  return (
    <section className="rounded-lg border border-border">
      <header className="flex items-center justify-between border-b border-border bg-surface-2/60 px-4 py-2">
        <h3 className="text-[13px] font-semibold">{title}</h3>
        <Link href={edit} className="text-[13px] font-medium text-accent hover:underline">Edit<span className="sr-only"> {title}</span></Link>
      </header>
      <div className="p-4">{children}</div>
    </section>
  );
}

const Row = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <div className="grid grid-cols-[10rem_1fr] gap-3 py-1 text-[13px]">
    <dt className="text-fg-muted">{label}</dt>
    <dd className="min-w-0 break-words">{children}</dd>
  </div>
);

/** Step 4: everything that will be sent, the exact trust policy, and the same call as an AWS CLI command. */
export function StepReview({ draft, hrefFor, endpoint }: { draft: RoleDraft; hrefFor: (s: WizardStep) => string; endpoint: string }) {
  const cli = createRoleCliCommand(toCreateInput(draft), endpoint);
  const profile = createsInstanceProfile(draft.trust);
  return (
    <div className="flex flex-col gap-4" data-testid="review">
      <Section title="Name and details" edit={hrefFor("details")}>
        <dl>
          <Row label="Role name"><span className="font-medium" data-testid="review-name">{draft.name}</span></Row>
          <Row label="Path"><code>{draft.path || "/"}</code></Row>
          <Row label="Description">{draft.description || <span className="text-fg-subtle">None</span>}</Row>
          <Row label="Max session">{formatDuration(draft.maxSessionDuration)}</Row>
          <Row label="Tags">{draft.tags.length ? draft.tags.map((t) => `${t.Key}=${t.Value}`).join(", ") : <span className="text-fg-subtle">None</span>}</Row>
        </dl>
      </Section>
      <Section title="Trust policy" edit={hrefFor("trust")}>
        <pre tabIndex={0} className="max-h-72 overflow-auto rounded-md bg-surface-2 p-3 font-mono text-xs leading-relaxed" data-testid="review-trust-policy">{prettyJson(draft.trustPolicy)}</pre>
        {profile && (
          <p className="mt-2 text-[13px] text-fg-muted" data-testid="review-instance-profile">
            Instance profile <span className="font-medium text-fg">{draft.name}</span> is created with the role and holds it, so EC2 instances can use it.
          </p>
        )}
      </Section>
      <Section title="Permissions" edit={hrefFor("permissions")}>
        <dl>
          <Row label="Managed policies">
            {draft.policyArns.length ? <ul className="font-mono text-xs">{draft.policyArns.map((a) => <li key={a}>{a}</li>)}</ul> : <span className="text-fg-subtle">None — the role starts with no permissions</span>}
          </Row>
          <Row label="Boundary">{draft.boundaryArn ? <code className="text-xs">{draft.boundaryArn}</code> : <span className="text-fg-subtle">None</span>}</Row>
        </dl>
      </Section>
      <section>
        <div className="mb-1.5 flex items-center justify-between">
          <h3 className="text-[13px] font-semibold">Equivalent AWS CLI command</h3>
          <CopyButton value={cli} label="AWS CLI command" />
        </div>
        <pre tabIndex={0} data-testid="cli-command" className="overflow-x-auto rounded-lg bg-[#0f1320] p-4 font-mono text-xs leading-relaxed text-[#d7dcf0]">{cli}</pre>
        {draft.policyArns.length > 0 && <p className="mt-1.5 text-xs text-fg-muted">Then one <code>aws iam attach-role-policy</code> per managed policy.</p>}
        {profile && <p className="mt-1.5 text-xs text-fg-muted">Then <code>aws iam create-instance-profile</code> and <code>aws iam add-role-to-instance-profile</code> with the same name.</p>}
      </section>
    </div>
  );
}
