"use client";
import { useState } from "react";
import Link from "next/link";
import { ExternalLink, Play } from "lucide-react";
import type { ContextKeyType } from "@/lib/domain/simulation-schemas";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Check } from "@/components/ui/check";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { DecisionBadge, Explanation } from "./explanation";
import { PrincipalInput } from "./principal-field";
import { useSimulation } from "./simulator-queries";
import { EMPTY_FORM, paramsFromForm, simulationBody, type ContextRow, type SimulatorForm } from "./simulator-state";

/** What an assume request can carry that trust policies commonly test. */
export interface AssumeConditions {
  mfa: "" | "true" | "false";
  externalId: string;
  sourceIp: string;
  sourceIdentity: string;
}

const NO_CONDITIONS: AssumeConditions = { mfa: "", externalId: "", sourceIp: "", sourceIdentity: "" };

/** The Simulator's form for an sts:AssumeRole of `roleArn` by `principal` with these conditions. */
export function assumeForm(roleArn: string, principal: string, c: AssumeConditions, supposeAllowed: boolean): SimulatorForm {
  const entry = (key: string, type: ContextKeyType, values: string): ContextRow[] => (values.trim() ? [{ key, type, values: values.trim() }] : []);
  return {
    ...EMPTY_FORM,
    principal: principal.trim(),
    actions: "sts:AssumeRole",
    resources: roleArn,
    context: [
      ...entry("aws:MultiFactorAuthPresent", "boolean", c.mfa),
      ...entry("sts:ExternalId", "string", c.externalId),
      ...entry("aws:SourceIp", "ip", c.sourceIp),
      ...entry("sts:SourceIdentity", "string", c.sourceIdentity),
    ],
    supposeAllowed,
  };
}

/**
 * "Test who can assume": sts:AssumeRole on this role by a chosen principal, evaluated as STS would (the caller's
 * policies with the trust policy), explained with the deciding statements at their lines. AWS's simulator does not
 * evaluate trust policies; Roleplane does, and says so.
 */
export function AssumeTest({ roleArn }: { roleArn: string }) {
  const [principal, setPrincipal] = useState("");
  const [conditions, setConditions] = useState<AssumeConditions>(NO_CONDITIONS);
  const [suppose, setSuppose] = useState(true);
  const [submitted, setSubmitted] = useState<SimulatorForm | null>(null);
  const result = useSimulation(submitted ? simulationBody(submitted) : null);
  const set = (patch: Partial<AssumeConditions>) => setConditions((c) => ({ ...c, ...patch }));
  const row = result.data?.results[0]?.resources[0];

  return (
    <Card title="Test who can assume" description="Would this principal be allowed sts:AssumeRole on this role? Its own policies and this trust policy are evaluated together, as STS decides. Beyond AWS: the IAM policy simulator leaves trust policies out.">
      <form
        className="grid gap-4 md:grid-cols-2"
        aria-label="Test who can assume"
        data-testid="assume-test-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (principal.trim()) setSubmitted(assumeForm(roleArn, principal, conditions, suppose));
        }}
      >
        <Field label="Principal" className="md:col-span-2" hint="A user, role or role session of the store, or any principal's ARN (another account's, for cross-account trust).">
          {(ids) => <PrincipalInput id={ids.id} describedBy={ids.describedBy} value={principal} onChange={setPrincipal} testId="assume-test-principal" />}
        </Field>
        <Field label="MFA" hint="aws:MultiFactorAuthPresent">
          {(ids) => (
            <Select id={ids.id} aria-describedby={ids.describedBy} value={conditions.mfa} onChange={(e) => set({ mfa: e.target.value as AssumeConditions["mfa"] })} data-testid="assume-test-mfa">
              <option value="">Not in the request</option>
              <option value="true">Signed in with MFA</option>
              <option value="false">Without MFA</option>
            </Select>
          )}
        </Field>
        <Field label="External ID" optional hint="sts:ExternalId, as a third party passes it.">
          {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={conditions.externalId} onChange={(e) => set({ externalId: e.target.value })} data-testid="assume-test-external-id" />}
        </Field>
        <Field label="Source IP" optional hint="aws:SourceIp">
          {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={conditions.sourceIp} placeholder="203.0.113.10" onChange={(e) => set({ sourceIp: e.target.value })} data-testid="assume-test-source-ip" />}
        </Field>
        <Field label="Source identity" optional hint="sts:SourceIdentity">
          {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={conditions.sourceIdentity} onChange={(e) => set({ sourceIdentity: e.target.value })} />}
        </Field>
        <div className="md:col-span-2">
          <Check checked={suppose} onChange={setSuppose} label="Suppose an unknown account allows it" testId="assume-test-suppose">
            A principal of an account Roleplane does not hold has no policies here; checked, its own account is supposed to allow sts:AssumeRole, so the trust policy decides.
          </Check>
        </div>
        <div className="flex flex-wrap items-center gap-3 md:col-span-2">
          <Button type="submit" variant="primary" icon={<Play aria-hidden className="size-4" />} disabledReason={principal.trim() ? undefined : "Choose a principal first."} data-testid="assume-test-run">
            Test
          </Button>
          {submitted && (
            <Link href={`/simulator?${paramsFromForm(submitted).toString()}`} className={buttonClass("ghost", "sm")} data-testid="assume-test-open-simulator">
              <ExternalLink aria-hidden className="size-4" /> Open in the Simulator
            </Link>
          )}
        </div>
      </form>
      {submitted && (
        <div className="mt-5 border-t border-border pt-4" data-testid="assume-test-result" aria-live="polite">
          {result.isPending ? (
            <Skeleton className="h-24 w-full" />
          ) : result.isError ? (
            <ErrorState title="The test was refused" message={result.error.message} />
          ) : row ? (
            <div className="flex flex-col gap-3">
              <p className="flex flex-wrap items-center gap-2 text-[13px]">
                <span className="font-mono text-[12.5px]">{result.data.principal?.arn ?? submitted.principal}</span>
                <span className="text-fg-muted">sts:AssumeRole</span>
                <DecisionBadge decision={row.decision} />
                {result.data.principal?.kind === "external" && <Badge tone="neutral">{submitted.supposeAllowed ? "its account supposed to allow" : "account not in Roleplane"}</Badge>}
              </p>
              <Explanation row={row} documents={result.data.documents} />
            </div>
          ) : null}
        </div>
      )}
    </Card>
  );
}
