"use client";
import { useState } from "react";
import { useRouter, useSearchParams } from "next/navigation";
import type { Finding, PolicyKind } from "@/lib/policy";
import { useConsole } from "@/components/shell/console-context";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { CopyButton } from "@/components/ui/copy-button";
import { PolicyEditor } from "./policy-editor";
import { examplesFor, exampleText, PLAYGROUND_EXAMPLES } from "./playground-examples";

export const POLICY_KINDS: { value: PolicyKind; label: string; hint: string }[] = [
  { value: "trust", label: "Trust policy", hint: "Who may assume a role (AssumeRolePolicyDocument)." },
  { value: "identity", label: "Permissions policy", hint: "What a user or role may do (managed or inline)." },
  { value: "boundary", label: "Permissions boundary", hint: "The most a user or role may ever do." },
  { value: "session", label: "Session policy", hint: "Narrows one AssumeRole session (the Policy parameter)." },
];
const isKind = (k: string | null): k is PolicyKind => POLICY_KINDS.some((p) => p.value === k);

/** `/playground?kind=identity&example=identity-mistakes`: the kind and example live in the URL. */
export function toPlayground(s: { kind?: PolicyKind; example?: string } = {}): string {
  const q = new URLSearchParams();
  if (s.kind && s.kind !== "trust") q.set("kind", s.kind);
  if (s.example) q.set("example", s.example);
  const str = q.toString();
  return str ? `/playground?${str}` : "/playground";
}

/** Paste or write a policy, choose its kind, and see the findings as you type. Nothing is saved. */
export function PolicyPlayground() {
  const params = useSearchParams();
  const router = useRouter();
  const { account } = useConsole();
  const kind: PolicyKind = isKind(params.get("kind")) ? (params.get("kind") as PolicyKind) : "trust";
  const example = PLAYGROUND_EXAMPLES.find((e) => e.id === params.get("example") && e.kind === kind) ?? examplesFor(kind)[0];
  const [loaded, setLoaded] = useState(() => ({ id: example.id, text: exampleText(example, account.id) }));
  const [text, setText] = useState(loaded.text);
  const [findings, setFindings] = useState<Finding[]>([]);

  if (loaded.id !== example.id) {
    // The URL chose another example (kind switch, back/forward): load it.
    const next = { id: example.id, text: exampleText(example, account.id) };
    setLoaded(next);
    setText(next.text);
  }

  const navigate = (s: { kind: PolicyKind; example?: string }) => router.replace(toPlayground(s), { scroll: false });

  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 rounded-xl border border-border bg-surface p-4 shadow-card sm:grid-cols-2">
        <Field label="Policy kind" hint={POLICY_KINDS.find((k) => k.value === kind)?.hint}>
          {({ id, describedBy }) => (
            <Select id={id} aria-describedby={describedBy} value={kind} data-testid="playground-kind" onChange={(e) => navigate({ kind: e.target.value as PolicyKind })}>
              {POLICY_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Start from" hint="Loading an example replaces the text; “Review changes” compares with it.">
          {({ id, describedBy }) => (
            <Select id={id} aria-describedby={describedBy} value={example.id} data-testid="playground-example" onChange={(e) => navigate({ kind, example: e.target.value })}>
              {examplesFor(kind).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.label}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      <PolicyEditor
        key={kind}
        kind={kind}
        value={text}
        onChange={setText}
        savedValue={loaded.text}
        onFindingsChange={(f) => setFindings(f)}
        height={420}
        ariaLabel={`${POLICY_KINDS.find((k) => k.value === kind)?.label} document`}
      />
      <p className="flex items-center gap-2 text-xs text-fg-muted">
        The findings follow IAM Access Analyzer&apos;s policy checks; the line under them says whether IAM itself would accept the document. Roleplane saves nothing with errors.
        <span className="ml-auto inline-flex items-center gap-1">
          Copy findings as JSON
          <CopyButton value={JSON.stringify(findings, null, 2)} label="findings as JSON" />
        </span>
      </p>
    </div>
  );
}
