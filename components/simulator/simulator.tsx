"use client";
import { Fragment, useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ChevronDown, ChevronRight, GitCompare, Link2, Play, Plus, Scale, X } from "lucide-react";
import { CONTEXT_KEY_TYPES, type ContextKeyType } from "@/lib/domain/simulation-schemas";
import type { EvalDecision, SimulationView } from "@/lib/domain/simulation-types";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClass } from "@/components/ui/button";
import { Check } from "@/components/ui/check";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { ActionHints, ActionPicker } from "./action-completion";
import { DecisionBadge, Explanation, type SimulationRow } from "./explanation";
import { PrincipalInput } from "./principal-field";
import { useSimulation } from "./simulator-queries";
import { actionsOf, canSimulate, formFromParams, paramsFromForm, simulationBody, type SimulatorForm } from "./simulator-state";

type Row = SimulationRow & { action: string };
type Filter = "all" | EvalDecision;

/** The Simulator: the form on the left of the URL, the result below, evaluated from the URL so a link reproduces it. */
export function Simulator() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const submitted = useMemo(() => formFromParams(new URLSearchParams(params.toString())), [params]);
  const [form, setForm] = useState<SimulatorForm>(submitted);
  const body = canSimulate(submitted) ? simulationBody(submitted) : null;
  const result = useSimulation(body);

  const set = <K extends keyof SimulatorForm>(k: K, v: SimulatorForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const run = (e: React.FormEvent) => {
    e.preventDefault();
    router.replace(`${pathname}?${paramsFromForm(form).toString()}`, { scroll: false });
  };
  const ready = canSimulate(form);
  const addLines = (k: "actions" | "resources", lines: string[]) => setForm((f) => ({ ...f, [k]: [f[k].trimEnd(), ...lines].filter(Boolean).join("\n") }));

  // An event's time, when opened from the activity list; anything else in `at` is ignored.
  const at = params.get("at");
  const fromEvent = at !== null && !Number.isNaN(Date.parse(at));
  return (
    <div className="flex flex-col gap-6">
      {fromEvent && (
        <p className="rounded-lg border border-border bg-surface-2/60 px-4 py-3 text-[13px] text-fg" data-testid="simulator-from-event">
          Opened from a refusal recorded {formatDateTime(at)}. This simulation evaluates the policies as they are now; the event in the activity list keeps the reasons that decided then. The request&apos;s source IP and external ID are not recorded, so add them below if the policies test them.
        </p>
      )}
      <Card title="What to simulate" description="Choose a principal (a user, role or role session, or another account's), or paste an identity policy (or both: the pasted policy is added to the principal's).">
        <form onSubmit={run} className="grid gap-4 md:grid-cols-2" data-testid="simulator-form" aria-label="Simulation">
          <Field label="Principal" optional hint="A user or role ARN, or a role session's assumed-role ARN (beyond AWS): its inline, managed, boundary and session policies take part. Another account's principal brings no policies of its own.">
            {(ids) => <PrincipalInput id={ids.id} describedBy={ids.describedBy} value={form.principal} onChange={(v) => set("principal", v)} testId="simulator-principal" />}
          </Field>
          <div className="flex flex-col gap-2">
            <Field label="Actions" hint="One per line or comma-separated, e.g. s3:GetObject, sts:AssumeRole; service:* in the finder below adds all of a service's actions.">
              {(ids) => <Textarea id={ids.id} aria-describedby={ids.describedBy} code rows={3} value={form.actions} onChange={(e) => set("actions", e.target.value)} data-testid="simulator-actions" />}
            </Field>
            <ActionPicker onAdd={(actions) => addLines("actions", actions)} />
          </div>
          <Field label="Identity policy" optional hint="JSON, as PolicyInputList takes it.">
            {(ids) => <Textarea id={ids.id} aria-describedby={ids.describedBy} code rows={8} value={form.policy} onChange={(e) => set("policy", e.target.value)} data-testid="simulator-policy" />}
          </Field>
          <Field label="Resources" optional hint="One ARN per line; none means every resource (*).">
            {(ids) => <Textarea id={ids.id} aria-describedby={ids.describedBy} code rows={8} value={form.resources} onChange={(e) => set("resources", e.target.value)} data-testid="simulator-resources" />}
          </Field>
          <ActionHints actions={actionsOf(form)} onResource={(arn) => addLines("resources", [arn])} onContextKey={(key, type) => set("context", [...form.context, { key, type, values: "" }])} />
          <ContextEntries rows={form.context} onChange={(rows) => set("context", rows)} />
          <div className="md:col-span-2">
            <Check checked={form.supposeAllowed} onChange={(v) => set("supposeAllowed", v)} label="Suppose an unknown account allows it" testId="simulator-suppose">
              Beyond AWS: a principal of an account Roleplane does not hold has no policies here; checked, its own account is supposed to allow every action (policy SupposedByItsAccount), so trust and resource policies decide.
            </Check>
          </div>
          <div className="flex flex-wrap items-center gap-3 md:col-span-2">
            <Button type="submit" variant="primary" icon={<Play aria-hidden className="size-4" />} disabledReason={ready ? undefined : "Name at least one action, and a principal or a policy."} data-testid="simulator-run">
              Simulate
            </Button>
            <Link href="/simulator/compare" className={buttonClass("ghost", "sm")} data-testid="simulator-compare-link">
              <GitCompare aria-hidden className="size-4" /> Compare a role with a resource-based policy
            </Link>
            <p className="basis-full text-[13px] text-fg-muted">
              Beyond AWS: for sts:AssumeRole (and …WithWebIdentity, …WithSAML, sts:TagSession) on a role of this account, the role&apos;s trust policy is evaluated too, as STS decides.
            </p>
          </div>
        </form>
      </Card>
      {body === null ? (
        <EmptyState icon={<Scale aria-hidden className="size-5" />} title="No simulation yet">
          Name actions and a principal or a policy, then Simulate. The page&apos;s address keeps the simulation, so a link to it shows the same result.
        </EmptyState>
      ) : result.isPending ? (
        <Skeleton className="h-48 w-full rounded-xl" />
      ) : result.isError ? (
        <ErrorState title="The simulation was refused" message={result.error.message} />
      ) : (
        <Results view={result.data} />
      )}
    </div>
  );
}

function ContextEntries({ rows, onChange }: { rows: SimulatorForm["context"]; onChange: (rows: SimulatorForm["context"]) => void }) {
  const update = (i: number, patch: Partial<SimulatorForm["context"][number]>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="flex flex-col gap-2 md:col-span-2" data-testid="simulator-context">
      <legend className="mb-1.5 text-[13px] font-medium text-fg">
        Context entries <span className="font-normal text-fg-subtle">optional</span>
      </legend>
      {rows.map((r, i) => (
        <div key={i} className="flex flex-wrap items-center gap-2">
          <Input aria-label={`Context key ${i + 1}`} className="w-64" value={r.key} placeholder="aws:SourceIp" onChange={(e) => update(i, { key: e.target.value })} />
          <Select aria-label={`Type of context key ${i + 1}`} className="w-36" value={r.type} onChange={(e) => update(i, { type: e.target.value as ContextKeyType })}>
            {CONTEXT_KEY_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </Select>
          <Input aria-label={`Values of context key ${i + 1}`} className="min-w-48 flex-1" value={r.values} placeholder={r.type.endsWith("List") ? "value, value" : "value"} onChange={(e) => update(i, { values: e.target.value })} />
          <Button type="button" variant="ghost" size="sm" aria-label={`Remove context key ${i + 1}`} icon={<X aria-hidden className="size-4" />} onClick={() => onChange(rows.filter((_, j) => j !== i))} />
        </div>
      ))}
      <div>
        <Button type="button" size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={() => onChange([...rows, { key: "", type: "string", values: "" }])}>
          Add context entry
        </Button>
      </div>
    </fieldset>
  );
}

function Results({ view }: { view: SimulationView }) {
  const [filter, setFilter] = useState<Filter>("all");
  const [open, setOpen] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const rows: Row[] = view.results.flatMap((r) => r.resources.map((res) => ({ ...res, action: r.action })));
  const shown = rows.filter((r) => filter === "all" || r.decision === filter);
  const copyLink = async () => {
    await navigator.clipboard.writeText(window.location.href);
    setCopied(true);
  };
  return (
    <Card
      padded={false}
      title={`Results${view.principal ? ` for ${view.principal.arn}` : ""}`}
      description={`${rows.length} evaluation${rows.length === 1 ? "" : "s"}: ${rows.filter((r) => r.decision === "allowed").length} allowed.`}
      actions={
        <div className="flex items-center gap-2">
          <Select aria-label="Show decisions" className="w-40" value={filter} onChange={(e) => setFilter(e.target.value as Filter)} data-testid="simulator-filter">
            <option value="all">All decisions</option>
            <option value="allowed">Allowed</option>
            <option value="explicitDeny">Explicit deny</option>
            <option value="implicitDeny">Implicit deny</option>
          </Select>
          <Button size="sm" icon={<Link2 aria-hidden className="size-4" />} onClick={copyLink}>
            {copied ? "Link copied" : "Copy link"}
          </Button>
        </div>
      }
    >
      <Table label="Simulation results" testId="simulator-results">
        <thead>
          <tr>
            <Th>Action</Th>
            <Th>Resource</Th>
            <Th>Decision</Th>
            <Th>Missing context keys</Th>
            <Th className="w-32">
              <span className="sr-only">Explanation</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => {
            const id = `${r.action} ${r.resource}`;
            const expanded = open === id;
            return (
              <Fragment key={id}>
                <Tr testId="simulator-row">
                  <Td className="font-mono text-[12.5px]">{r.action}</Td>
                  <Td className="font-mono text-[12.5px] break-all">{r.resource}</Td>
                  <Td>
                    <span className="inline-flex flex-wrap items-center gap-1.5">
                      <DecisionBadge decision={r.decision} />
                      {r.trustEvaluated && <Badge tone="accent">trust policy evaluated</Badge>}
                    </span>
                  </Td>
                  <Td className="font-mono text-[12.5px]">{r.missing.length ? r.missing.join(", ") : <span className="text-fg-subtle">none</span>}</Td>
                  <Td>
                    <Button size="sm" variant="ghost" aria-expanded={expanded} icon={expanded ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />} onClick={() => setOpen(expanded ? null : id)} data-testid="simulator-explain">
                      Explain
                    </Button>
                  </Td>
                </Tr>
                {expanded && (
                  <tr data-testid="simulator-explanation">
                    <td colSpan={5} className="border-b border-border bg-surface-2/50 px-4 py-4">
                      <Explanation row={r} documents={view.documents} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {shown.length === 0 && (
            <tr>
              <Td colSpan={5} className="text-center text-fg-muted">
                No result has this decision.
              </Td>
            </tr>
          )}
        </tbody>
      </Table>
    </Card>
  );
}
