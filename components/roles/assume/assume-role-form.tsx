"use client";
import { useState } from "react";
import Link from "next/link";
import { KeyRound } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Card, ErrorState } from "@/components/ui/states";
import { fieldErrors } from "@/components/ui/zod-field-errors";
import { formatDuration } from "@/components/format";
import { useConsole, useReadOnlyReason } from "@/components/shell/console-context";
import { PolicyEditor } from "@/components/policy-editor/policy-editor";
import { PolicyPicker } from "@/components/policies/policy-picker";
import { toUser } from "@/components/users/routes";
import { ApiError } from "@/components/api/fetch-json";
import { consoleAssumeRoleSchema, type AssumeCaller, type ConsoleAssumeRoleInput } from "@/lib/domain/console-assume";
import { LIMITS } from "@/lib/domain/limits";
import type { RoleDto } from "../role-queries";
import { CallerPicker } from "./caller-picker";
import { SelectedCaller } from "./selected-caller";
import { SessionTagsEditor, type SessionTagRow } from "./session-tags-editor";
import { durationChoices } from "./credential-formats";
import { useAssumeCallerQuery, useAssumeRoleMutation } from "./assume-queries";
import { AssumeResult } from "./assume-result";
import { InfoLink } from "@/components/concepts/info-link";

const STARTER_SESSION_POLICY = JSON.stringify(
  { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" }] },
  null,
  2,
);

const optional = (s: string) => (s.trim() === "" ? undefined : s.trim());

/** Everything AssumeRole takes, validated with the STS schema the API uses, and the outcome below it. */
export function AssumeRoleForm({ role, caller, onCallerChange }: { role: RoleDto; caller: AssumeCaller | null; onCallerChange: (c: AssumeCaller | null) => void }) {
  const readOnly = useReadOnlyReason();
  const own = useConsole().account.id;
  const selected = useAssumeCallerQuery(caller);
  const assume = useAssumeRoleMutation(role.name);
  const [pickerKind, setPickerKind] = useState<AssumeCaller["kind"]>(caller?.kind ?? "user");
  const kind = caller?.kind ?? pickerKind;
  const [sessionName, setSessionName] = useState("console-session");
  const [duration, setDuration] = useState<number>(LIMITS.assumeRoleDuration.default);
  const [externalId, setExternalId] = useState("");
  const [sourceIdentity, setSourceIdentity] = useState("");
  const [serialNumber, setSerialNumber] = useState("");
  const [tokenCode, setTokenCode] = useState("");
  const [tags, setTags] = useState<SessionTagRow[]>([]);
  const [withPolicy, setWithPolicy] = useState(false);
  const [policy, setPolicy] = useState(STARTER_SESSION_POLICY);
  const [policyBlocked, setPolicyBlocked] = useState(false);
  const [withManaged, setWithManaged] = useState(false);
  const [policyArns, setPolicyArns] = useState<string[]>([]);
  const [errors, setErrors] = useState<ReturnType<typeof fieldErrors>>({ fields: {}, tags: {} });
  const [sent, setSent] = useState<ConsoleAssumeRoleInput | null>(null);

  const session = selected.data?.kind === "session" ? selected.data : null;
  const user = selected.data?.kind === "user" ? selected.data : null;
  const choices = durationChoices(role.maxSessionDuration, kind === "session");
  const durationValue = choices.includes(duration) ? duration : Math.min(duration, choices[choices.length - 1]);
  const devices = user?.mfaDevices ?? [];
  const serial = devices.includes(serialNumber) ? serialNumber : "";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const input = {
      Caller: caller ?? undefined,
      RoleSessionName: sessionName.trim(),
      DurationSeconds: durationValue,
      ExternalId: optional(externalId),
      SourceIdentity: session?.sourceIdentity ? undefined : optional(sourceIdentity),
      ...(caller?.kind === "user" && serial ? { SerialNumber: serial, TokenCode: tokenCode.trim() } : {}),
      Tags: tags.length ? tags.map(({ Key, Value }) => ({ Key, Value })) : undefined,
      TransitiveTagKeys: tags.some((t) => t.transitive) ? tags.filter((t) => t.transitive).map((t) => t.Key) : undefined,
      Policy: withPolicy ? policy : undefined,
      PolicyArns: withManaged && policyArns.length ? policyArns.map((arn) => ({ arn })) : undefined,
    };
    const parsed = consoleAssumeRoleSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues));
      return;
    }
    setErrors({ fields: {}, tags: {} });
    assume.reset();
    setSent(parsed.data);
    assume.mutate(parsed.data);
  }

  const failure = assume.error instanceof ApiError ? assume.error : assume.error ? new ApiError("ServiceFailure", assume.error.message, 0) : null;
  const blocked = readOnly ?? (!caller ? "Choose who is asking first." : policyBlocked ? "Fix the session policy's errors first: STS would refuse it." : undefined);

  return (
    <div className="flex flex-col gap-5">
      <form className="flex flex-col gap-5" onSubmit={submit} noValidate data-testid="assume-form">
        <Card title="Who is asking" description="The principal whose credentials would sign the AssumeRole request. Roleplane acts on its behalf; the audit trail names you and it.">
          <div className="flex flex-col gap-4">
            <CallerPicker kind={kind} onKindChange={setPickerKind} value={caller} onChange={onCallerChange} />
            {errors.fields.Caller && <p className="text-[13px] text-danger" role="alert">Choose who is asking.</p>}
            {caller && <SelectedCaller caller={caller} option={selected.data} loading={selected.isPending} />}
          </div>
        </Card>

        <Card title="Session" info={<InfoLink concept="session" />} description="What STS puts into the session: AWS's names and limits.">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Role session name" error={errors.fields.RoleSessionName} hint={`${LIMITS.roleSessionName.min}–${LIMITS.roleSessionName.max} characters: letters, digits and _+=,.@-. It ends the session's ARN.`}>
              {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} invalid={ids.invalid} value={sessionName} onChange={(e) => setSessionName(e.target.value)} data-testid="assume-session-name" />}
            </Field>
            <Field label="Duration" error={errors.fields.DurationSeconds} info={kind === "session" ? <InfoLink concept="role-chaining" /> : undefined}
              hint={kind === "session" ? "At most one hour: a role session assuming another role is role chaining." : `At most the role's maximum session duration, ${formatDuration(role.maxSessionDuration)}.`}>
              {(ids) => (
                <Select id={ids.id} aria-describedby={ids.describedBy} value={durationValue} onChange={(e) => setDuration(Number(e.target.value))} data-testid="assume-duration">
                  {choices.map((s) => <option key={s} value={s}>{formatDuration(s)}</option>)}
                </Select>
              )}
            </Field>
            <Field label="External ID" optional info={<InfoLink concept="external-id" />} error={errors.fields.ExternalId} hint="What a third party's trust policy may require (sts:ExternalId).">
              {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} invalid={ids.invalid} value={externalId} onChange={(e) => setExternalId(e.target.value)} data-testid="assume-external-id" autoComplete="off" />}
            </Field>
            <Field label="Source identity" optional info={<InfoLink concept="source-identity" />} error={errors.fields.SourceIdentity}
              hint={session?.sourceIdentity ? `The session's source identity "${session.sourceIdentity}" carries over: it cannot change along a chain.` : "Kept through every role this session assumes; setting it needs sts:SetSourceIdentity."}>
              {(ids) => (
                <Input id={ids.id} aria-describedby={ids.describedBy} invalid={ids.invalid} data-testid="assume-source-identity"
                  value={session?.sourceIdentity ?? sourceIdentity} disabled={!!session?.sourceIdentity} onChange={(e) => setSourceIdentity(e.target.value)} />
              )}
            </Field>
          </div>
        </Card>

        {kind === "user" && (
          <Card title="MFA" description="A code from one of the user's MFA devices, for trust policies that require aws:MultiFactorAuthPresent. Each code is accepted once.">
            {user && devices.length === 0 ? (
              <p className="text-[13px] text-fg-muted" data-testid="assume-no-mfa">
                {user.name} has no MFA device.{" "}
                {user.accountId === own && <Link className="font-medium text-accent hover:underline" href={toUser({ name: user.name, tab: "security-credentials" })}>Assign one on the user&apos;s Security credentials tab</Link>}
              </p>
            ) : (
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Serial number" optional error={errors.fields.SerialNumber} hint={user ? "The user's enabled MFA devices." : "Choose a user first."}>
                  {(ids) => (
                    <Select id={ids.id} aria-describedby={ids.describedBy} value={serial} disabled={!user} onChange={(e) => setSerialNumber(e.target.value)} data-testid="assume-mfa-serial">
                      <option value="">No MFA</option>
                      {devices.map((d) => <option key={d} value={d}>{d}</option>)}
                    </Select>
                  )}
                </Field>
                <Field label="MFA code" error={errors.fields.TokenCode} hint="The six digits the device shows now.">
                  {(ids) => (
                    <Input id={ids.id} aria-describedby={ids.describedBy} invalid={ids.invalid} inputMode="numeric" autoComplete="one-time-code" maxLength={6}
                      disabled={!serial} value={tokenCode} onChange={(e) => setTokenCode(e.target.value)} data-testid="assume-mfa-code" />
                  )}
                </Field>
              </div>
            )}
          </Card>
        )}

        <Card title="Session tags" description="Principal tags of the new session (aws:PrincipalTag). Passing them needs sts:TagSession in the trust policy; transitive ones pass on when this session assumes another role.">
          <div className="flex flex-col gap-3">
            {session && session.tags.length > 0 && (
              <p className="text-[13px] text-fg-muted" data-testid="inherited-tags">
                From the calling session: {session.tags.map((t) => `${t.Key}=${t.Value}${session.transitiveTagKeys.some((k) => k.toLowerCase() === t.Key.toLowerCase()) ? " (transitive, passes on)" : ""}`).join(", ")}.
              </p>
            )}
            <SessionTagsEditor tags={tags} onChange={setTags} errors={errors.tags} />
            {errors.fields.TransitiveTagKeys && <p className="text-[13px] text-danger" role="alert">Transitive tags: {errors.fields.TransitiveTagKeys}</p>}
          </div>
        </Card>

        <Card title="Session policies" info={<InfoLink concept="session-policy" />} description="Optional. The session can do only what both the role's policies and these allow: they narrow, never widen.">
          <div className="flex flex-col gap-4">
            <label className="flex items-center gap-2 text-[13px] font-medium">
              <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={withPolicy} onChange={(e) => setWithPolicy(e.target.checked)} data-testid="assume-with-policy" />
              Pass an inline session policy
            </label>
            {withPolicy && (
              <PolicyEditor kind="session" value={policy} onChange={setPolicy} height={220} testId="session-policy-editor" onFindingsChange={(_, s) => setPolicyBlocked(s.hasErrors)} />
            )}
            {errors.fields.Policy && <p className="text-[13px] text-danger" role="alert">Session policy: {errors.fields.Policy}</p>}
            <label className="flex items-center gap-2 text-[13px] font-medium">
              <input type="checkbox" className="size-4 accent-[var(--accent)]" checked={withManaged} onChange={(e) => setWithManaged(e.target.checked)} data-testid="assume-with-managed" />
              Pass managed session policies <span className="font-normal text-fg-subtle">{policyArns.length} of {LIMITS.sessionPolicyArns} chosen</span>
            </label>
            {withManaged && <PolicyPicker mode="multiple" selected={policyArns} onChange={setPolicyArns} label="Search managed policies" />}
            {errors.fields.PolicyArns && <p className="text-[13px] text-danger" role="alert">Managed session policies: {errors.fields.PolicyArns}</p>}
          </div>
        </Card>

        <div className="flex flex-wrap items-center justify-end gap-3 rounded-xl border border-border bg-surface px-5 py-3.5 shadow-card">
          <p className="mr-auto min-w-0 truncate text-[13px] text-fg-muted">{caller ? <>As <code className="font-mono text-[12.5px] text-fg">{caller.kind === "user" ? caller.arn : (session?.arn ?? caller.accessKeyId)}</code></> : "Choose who is asking."}</p>
          <Button type="submit" variant="primary" icon={<KeyRound aria-hidden className="size-4" />} loading={assume.isPending} disabledReason={blocked} data-testid="assume-submit">Assume role</Button>
        </div>
      </form>
      {failure && <ErrorState title={`Not assumed: ${failure.code}`} message={failure.message} />}
      {assume.data && sent && <AssumeResult outcome={assume.data} role={role} input={sent} onDismiss={() => assume.reset()} />}
    </div>
  );
}
