"use client";
import { useState } from "react";
import Link from "next/link";
import { useQueryClient } from "@tanstack/react-query";
import { Card, ErrorState } from "@/components/ui/states";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { ApiError } from "@/components/api/fetch-json";
import { prettyJson } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { trustedEntities } from "../trusted-entities";
import { toFederatedSignIn } from "../routes";
import { roleKeys, useUpdateTrustPolicyMutation, type RoleDto } from "../role-queries";
import { TrustConflict } from "./trust-conflict";
import { PassRoleCard } from "./pass-role-card";
import { InfoLink } from "@/components/concepts/info-link";
import { AssumeTest } from "@/components/simulator/assume-test";

const KIND_LABELS = { service: "AWS service", account: "AWS account", principal: "Principal", federated: "Identity provider", anyone: "Anyone" } as const;

/** The version the draft started from: the diff is against its text and the save carries its number. */
interface Base {
  version: number;
  text: string;
}

/** View and edit the trust policy; the save carries the version read, so a concurrent change is not overwritten. */
export function TrustTab({ role }: { role: RoleDto }) {
  const readOnly = useReadOnlyReason() ?? (role.serviceLinkedService ? "A service-linked role trusts only its service: AWS refuses trust policy changes (UnmodifiableEntity)." : undefined);
  const [draft, setDraft] = useState<string | null>(null);
  const [base, setBase] = useState<Base>({ version: role.version, text: "" });
  const [hasErrors, setHasErrors] = useState(false);
  const [reloading, setReloading] = useState(false);
  const save = useUpdateTrustPolicyMutation(role.name);
  const qc = useQueryClient();
  const toast = useToast();
  const pretty = prettyJson(role.trustPolicy);
  const entities = trustedEntities(role.trustPolicy);
  const error = save.error instanceof ApiError ? save.error : save.error ? new ApiError("ServiceFailure", save.error.message, 0) : null;
  const conflict = error?.code === "ConcurrentModification" ? error : null;

  function startEditing() {
    setDraft(pretty);
    setBase({ version: role.version, text: pretty });
    save.reset();
  }

  async function onSave() {
    if (draft === null || hasErrors) return;
    await save.mutateAsync({ PolicyDocument: draft, ExpectedVersion: base.version }).then(() => {
      toast({ tone: "success", title: "Trust policy saved" });
      setDraft(null);
    }).catch(() => undefined);
  }

  async function reloadLatest() {
    setReloading(true);
    try {
      await qc.refetchQueries({ queryKey: roleKeys.detail(role.name), exact: true });
      const latest = qc.getQueryData<RoleDto>(roleKeys.detail(role.name)) ?? role;
      setBase({ version: latest.version, text: prettyJson(latest.trustPolicy) });
      save.reset();
    } finally {
      setReloading(false);
    }
  }

  const editing = draft !== null;
  return (
    <div className="flex flex-col gap-5">
      <Card title="Trusted entities" info={<InfoLink concept="principal" />} description="Principals this trust policy lets assume the role (Allow statements)."
        actions={entities.some((e) => e.kind === "federated") ? <Link href={toFederatedSignIn(role.name)} className={buttonClass("secondary", "sm")} data-testid="federated-sign-in-link">Sign in with an identity provider</Link> : undefined}>
        {entities.length ? (
          <ul className="flex flex-wrap gap-2" data-testid="trusted-entities">
            {entities.map((e, i) => <li key={i}><Badge tone={e.kind === "anyone" ? "danger" : "accent"}><span className="font-normal opacity-80">{KIND_LABELS[e.kind]}</span> {e.label}</Badge></li>)}
          </ul>
        ) : <p className="text-[13px] text-fg-muted">No principal is allowed.</p>}
      </Card>
      <Card title="Trust policy" info={<InfoLink concept="trust-policy" />} description="Who may assume this role, and under which conditions."
        actions={!editing
          ? <><CopyButton value={pretty} label="trust policy" /><Button size="sm" disabledReason={readOnly} onClick={startEditing} data-testid="edit-trust">Edit trust policy</Button></>
          : <><Button size="sm" variant="ghost" onClick={() => setDraft(null)} data-testid="cancel-trust">Cancel</Button>
            <Button size="sm" variant="primary" loading={save.isPending} disabledReason={hasErrors ? "Fix the errors first: IAM would refuse this trust policy." : undefined} onClick={onSave} data-testid="save-trust">Save</Button></>}>
        <div className="flex flex-col gap-3">
          <PolicyEditor
            key={editing ? "edit" : "view"}
            kind="trust"
            value={draft ?? pretty}
            onChange={setDraft}
            readOnly={!editing}
            savedValue={editing ? base.text : undefined}
            onFindingsChange={(_, s) => setHasErrors(s.hasErrors)}
            testId="trust-policy-editor"
            contentTestId={editing ? "trust-editor" : "trust-policy-view"}
          />
          {editing && hasErrors && (
            <p className="text-[13px] text-danger" data-testid="trust-save-blocked">
              Save is disabled: the findings above marked as errors are what IAM would refuse (UpdateAssumeRolePolicy). Fix them to save.
            </p>
          )}
          {editing && conflict && <TrustConflict message={conflict.message} onReload={reloadLatest} reloading={reloading} />}
          {editing && error && !conflict && <ErrorState title={`Not saved: ${error.code}`} message={error.message} />}
        </div>
      </Card>
      <AssumeTest roleArn={role.arn} />
      <PassRoleCard role={role} />
    </div>
  );
}
