"use client";
import { useState } from "react";
import { Card, ErrorState } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";
import { prettyJson } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { trustJsonError } from "../create/draft";
import { trustedEntities } from "../trusted-entities";
import { useUpdateTrustPolicyMutation, type RoleDto } from "../role-queries";

const KIND_LABELS = { service: "AWS service", account: "AWS account", principal: "Principal", federated: "Identity provider", anyone: "Anyone" } as const;

/** View and edit the trust policy; the save carries the version read, so a concurrent change is not overwritten. */
export function TrustTab({ role }: { role: RoleDto }) {
  const readOnly = useReadOnlyReason() ?? (role.serviceLinkedService ? "The service owns a service-linked role's trust policy." : undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(role.version);
  const [jsonError, setJsonError] = useState<string>();
  const save = useUpdateTrustPolicyMutation(role.name);
  const toast = useToast();
  const pretty = prettyJson(role.trustPolicy);
  const entities = trustedEntities(role.trustPolicy);

  async function onSave() {
    if (draft === null) return;
    const err = trustJsonError(draft);
    setJsonError(err);
    if (err) return;
    await save.mutateAsync({ PolicyDocument: draft, ExpectedVersion: baseVersion }).then(() => {
      toast({ tone: "success", title: "Trust policy saved" });
      setDraft(null);
    }).catch(() => undefined);
  }

  return (
    <div className="flex flex-col gap-5">
      <Card title="Trusted entities" description="Principals this trust policy lets assume the role (Allow statements).">
        {entities.length ? (
          <ul className="flex flex-wrap gap-2" data-testid="trusted-entities">
            {entities.map((e, i) => <li key={i}><Badge tone={e.kind === "anyone" ? "danger" : "accent"}><span className="font-normal opacity-80">{KIND_LABELS[e.kind]}</span> {e.label}</Badge></li>)}
          </ul>
        ) : <p className="text-[13px] text-fg-muted">No principal is allowed.</p>}
      </Card>
      <Card title="Trust policy" description="Who may assume this role, and under which conditions."
        actions={draft === null
          ? <><CopyButton value={pretty} label="trust policy" /><Button size="sm" disabledReason={readOnly} onClick={() => { setDraft(pretty); setBaseVersion(role.version); setJsonError(undefined); save.reset(); }} data-testid="edit-trust">Edit trust policy</Button></>
          : <><Button size="sm" variant="ghost" onClick={() => setDraft(null)}>Cancel</Button><Button size="sm" variant="primary" loading={save.isPending} onClick={onSave} data-testid="save-trust">Save</Button></>}>
        {draft === null ? (
          <pre className="overflow-auto rounded-lg bg-surface-2 p-4 font-mono text-xs leading-relaxed" data-testid="trust-policy-view">{pretty}</pre>
        ) : (
          <div className="flex flex-col gap-3">
            <Field label="Trust policy (JSON)" error={jsonError} hint="Validated by the server when you save (syntax, version, principals, STS actions).">
              {({ id, describedBy, invalid }) => <Textarea id={id} aria-describedby={describedBy} invalid={invalid} code rows={18} value={draft} onChange={(e) => setDraft(e.target.value)} data-testid="trust-editor" />}
            </Field>
            {save.error && <ErrorState title="Not saved" message={save.error.message} />}
          </div>
        )}
      </Card>
    </div>
  );
}
