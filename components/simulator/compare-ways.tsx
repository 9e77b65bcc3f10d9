"use client";
import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { ArrowRight, GitCompare } from "lucide-react";
import { RESOURCE_POLICY_TEMPLATES, templateOf } from "@/lib/domain/resource-policy-templates";
import type { AccessComparison, SimulationView } from "@/lib/domain/simulation-types";
import { fetchJson } from "@/components/api/fetch-json";
import { useConsole } from "@/components/shell/console-context";
import { Button } from "@/components/ui/button";
import { Check } from "@/components/ui/check";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { DecisionBadge, Explanation } from "./explanation";
import { PrincipalInput } from "./principal-field";
import { compareBody, compareFormFromParams, compareMissing, compareParamsFromForm, withTemplate, type CompareForm } from "./compare-state";
import { usePrincipalOptions } from "./simulator-queries";

/**
 * Roles compared with resource-based policies: for one caller, action and resource, (a) assume a role in the
 * resource's account and act as it, and (b) act directly under a resource-based policy, both evaluated and
 * explained, with what differs in plain words. Beyond AWS: the IAM guide explains the difference; Roleplane evaluates it.
 */
export function CompareWays() {
  const { account } = useConsole();
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const submitted = useMemo(() => compareFormFromParams(new URLSearchParams(params.toString())), [params]);
  const [form, setForm] = useState<CompareForm>(submitted);
  const roles = usePrincipalOptions().filter((p) => p.label.startsWith("role "));
  const body = compareMissing(submitted) ? null : compareBody(submitted);
  const compare = useQuery({
    queryKey: ["simulation", "compare", body],
    queryFn: () => fetchJson<AccessComparison>("/api/console/simulations/compare", { method: "POST", body }),
    enabled: body !== null,
    retry: false,
  });
  const set = (patch: Partial<CompareForm>) => setForm((f) => ({ ...f, ...patch }));
  const missing = compareMissing(form);

  return (
    <div className="flex flex-col gap-6">
      <Card title="The request" description="A caller, usually of another account, wants one action on a resource. Pick a template to fill in a resource-based policy granting it.">
        <form
          className="grid gap-4 md:grid-cols-2"
          aria-label="Comparison"
          data-testid="compare-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (!missing) router.replace(`${pathname}?${compareParamsFromForm(form).toString()}`, { scroll: false });
          }}
        >
          <Field label="Caller" hint="A user, role or role session of the store, or another account's principal ARN.">
            {(ids) => <PrincipalInput id={ids.id} describedBy={ids.describedBy} value={form.principal} onChange={(v) => set({ principal: v })} testId="compare-principal" />}
          </Field>
          <Field label="Role to assume" optional hint="A role in the resource's account; without one only the resource policy's way is evaluated.">
            {(ids) => (
              <>
                <Input id={ids.id} aria-describedby={ids.describedBy} list="compare-roles" value={form.role} onChange={(e) => set({ role: e.target.value })} placeholder="arn:aws:iam::222222222222:role/readers" autoComplete="off" spellCheck={false} data-testid="compare-role" />
                <datalist id="compare-roles">
                  {roles.map((r) => (
                    <option key={r.value} value={r.value} label={r.label} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <Field label="Template" optional hint="Choose the caller and role first: fills the action, an example resource in the role's account and a policy naming the caller.">
            {(ids) => (
              <Select id={ids.id} aria-describedby={ids.describedBy} value={form.template} onChange={(e) => setForm((f) => withTemplate(f, e.target.value, account.id))} data-testid="compare-template">
                <option value="">Choose a template…</option>
                {RESOURCE_POLICY_TEMPLATES.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.label}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label="Action">
            {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={form.action} onChange={(e) => set({ action: e.target.value })} placeholder="s3:GetObject" className="font-mono" data-testid="compare-action" />}
          </Field>
          <Field label="Resource" hint="Its ARN; the resource's account is the one it names.">
            {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={form.resource} onChange={(e) => set({ resource: e.target.value })} className="font-mono" data-testid="compare-resource" />}
          </Field>
          <Field label="Resource's account" optional hint="For ARNs that name no account (S3); else the role's account.">
            {(ids) => <Input id={ids.id} aria-describedby={ids.describedBy} value={form.resourceAccount} onChange={(e) => set({ resourceAccount: e.target.value })} inputMode="numeric" placeholder="222222222222" data-testid="compare-resource-account" />}
          </Field>
          <Field label="Resource-based policy" className="md:col-span-2" hint={templateOf(form.template)?.note ?? "JSON, as the service stores it on the resource."}>
            {(ids) => <Textarea id={ids.id} aria-describedby={ids.describedBy} code rows={10} value={form.policy} onChange={(e) => set({ policy: e.target.value })} data-testid="compare-policy" />}
          </Field>
          <div className="md:col-span-2">
            <Check checked={form.suppose} onChange={(v) => set({ suppose: v })} label="Suppose an unknown account allows it" testId="compare-suppose">
              A caller of an account Roleplane does not hold has no policies here; checked, its own account is supposed to allow the request, so the role&apos;s trust policy or the resource policy decides.
            </Check>
          </div>
          <div className="flex flex-wrap items-center gap-3 md:col-span-2">
            <Button type="submit" variant="primary" icon={<GitCompare aria-hidden className="size-4" />} loading={body !== null && compare.isFetching} disabledReason={missing} data-testid="compare-run">
              Compare
            </Button>
            <p className="text-[13px] text-fg-muted">Beyond AWS: the IAM guide describes the difference; Roleplane evaluates both ways with its simulator, trust policy included. Nothing is changed.</p>
          </div>
        </form>
      </Card>
      {body === null ? (
        <EmptyState icon={<GitCompare aria-hidden className="size-5" />} title="Nothing compared yet">
          Choose a caller, a role in the resource&apos;s account and a template, then Compare.
        </EmptyState>
      ) : compare.isPending ? (
        <Skeleton className="h-64 w-full rounded-xl" />
      ) : compare.isError ? (
        <ErrorState title="The comparison was refused" message={compare.error.message} />
      ) : (
        <Comparison result={compare.data} />
      )}
    </div>
  );
}

function Step({ title, view, testId }: { title: string; view: SimulationView; testId: string }) {
  const row = view.results[0]?.resources[0];
  if (!row) return null;
  return (
    <section className="flex flex-col gap-2" data-testid={testId} aria-label={title}>
      <h3 className="flex flex-wrap items-center gap-2 text-[13px] font-medium text-fg">
        {title} <DecisionBadge decision={row.decision} />
      </h3>
      <Explanation row={row} documents={view.documents} />
    </section>
  );
}

function Comparison({ result: r }: { result: AccessComparison }) {
  return (
    <div className="flex flex-col gap-6" data-testid="compare-result">
      <div className="grid gap-6 xl:grid-cols-2">
        <Card title="(a) Assume a role in the resource's account" description={r.viaRole ? `${r.callerArn} → ${r.viaRole.roleArn} → ${r.action}` : "No role named."} actions={r.viaRole && <DecisionBadge decision={r.viaRole.decision} />}>
          {r.viaRole ? (
            <div className="flex flex-col gap-5" data-testid="compare-via-role">
              <Step title="1. sts:AssumeRole: the caller's permission and the role's trust policy" view={r.viaRole.assume} testId="compare-assume-step" />
              {r.viaRole.assume.results[0]?.resources[0]?.decision === "allowed" ? (
                <Step title={`2. ${r.action} as the role: the role's permissions`} view={r.viaRole.act} testId="compare-act-step" />
              ) : (
                <p className="flex items-center gap-1.5 text-[13px] text-fg-muted">
                  <ArrowRight aria-hidden className="size-4" /> The assume is refused, so the role&apos;s permissions never apply.
                </p>
              )}
            </div>
          ) : (
            <p className="text-[13px] text-fg-muted">Name a role in account {r.resourceAccount} to evaluate this way.</p>
          )}
        </Card>
        <Card title="(b) A resource-based policy granting the caller" description={`${r.callerArn} → ${r.action} on ${r.resource}`} actions={<DecisionBadge decision={r.viaResourcePolicy.decision} />}>
          <div data-testid="compare-via-resource-policy">
            <Step title="The caller's identity policies with the resource policy" view={r.viaResourcePolicy.view} testId="compare-direct-step" />
          </div>
        </Card>
      </div>
      <Card title="What differs" description={`Caller's account ${r.callerAccount}, resource's account ${r.resourceAccount}${r.callerAccount === r.resourceAccount ? " (the same account)" : ""}.`}>
        <dl className="flex flex-col gap-3" data-testid="compare-differences">
          {r.differences.map((d) => (
            <div key={d.topic} className="grid gap-1 md:grid-cols-[12rem_1fr]">
              <dt className="text-[13px] font-medium text-fg">{d.topic}</dt>
              <dd className="text-[13px] text-fg-muted">{d.text}</dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
