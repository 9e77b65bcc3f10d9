"use client";
import { useRouter } from "next/navigation";
import { CheckCircle2, Circle, Loader2, XCircle } from "lucide-react";
import type { ImportedAccountSummary } from "@/lib/domain/authorization-details-file";
import { fetchJson } from "@/components/api/fetch-json";
import { cn } from "@/components/ui/cn";
import type { UploadEvent } from "./upload-import";

export interface ImportFileState {
  id: number;
  name: string;
  size: number;
  status: "checking" | "refused" | "uploading" | "importing" | "done" | "failed";
  /** Upload progress, 0–1. */
  uploaded: number;
  stage: UploadEvent["stage"] | null;
  accounts: string[];
  summaries: ImportedAccountSummary[];
  error?: string;
}

const STEPS = [
  { key: "upload", label: "Uploaded" },
  { key: "parsed", label: "Parsed" },
  { key: "checked", label: "Checked" },
  { key: "written", label: "Written" },
] as const;

/** How far along, 0–100, and which steps are behind it: the upload is the first 40 %, each server stage 20 %. */
function progressOf(f: ImportFileState): { percent: number; reached: number } {
  if (f.status === "done") return { percent: 100, reached: 4 };
  const reached = f.stage === "written" ? 3 : f.stage === "checked" ? 3 : f.stage === "parsed" ? 2 : f.stage === "received" || f.uploaded >= 1 ? 1 : 0;
  const percent = reached === 0 ? Math.round(f.uploaded * 40) : 40 + (reached - 1) * 20 + (f.stage === "written" ? 10 : 0);
  return { percent, reached };
}

const sizeOf = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

const STATUS_TEXT: Record<ImportFileState["status"], string> = {
  checking: "Checking the file in the browser…",
  refused: "Not uploaded",
  uploading: "Uploading…",
  importing: "Importing…",
  done: "Imported",
  failed: "Not imported: nothing was changed",
};

export function ImportFileRow({ file }: { file: ImportFileState }) {
  const { percent, reached } = progressOf(file);
  const failed = file.status === "failed" || file.status === "refused";
  return (
    <li className="flex flex-col gap-3 p-4" data-testid="import-file" data-status={file.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-mono text-sm font-medium text-fg" data-testid="import-file-name">{file.name}</p>
        <p className="text-[13px] text-fg-muted">
          {sizeOf(file.size)} · <span data-testid="import-file-status">{STATUS_TEXT[file.status]}</span>
        </p>
      </div>
      {file.status !== "refused" && (
        <>
          <div
            role="progressbar"
            aria-label={`Import of ${file.name}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="import-progress"
            className="h-2 overflow-hidden rounded-full bg-surface-3"
          >
            <div className={cn("h-full rounded-full transition-[width]", failed ? "bg-danger" : "bg-accent")} style={{ width: `${percent}%` }} />
          </div>
          <ol className="flex flex-wrap gap-x-5 gap-y-1 text-[13px]" aria-label="Stages">
            {STEPS.map((s, i) => {
              const done = i < reached;
              const current = i === reached && !failed && file.status !== "done";
              return (
                <li key={s.key} data-testid={`import-step-${s.key}`} data-done={done} className={cn("flex items-center gap-1.5", done ? "text-fg" : "text-fg-subtle")}>
                  {done ? <CheckCircle2 aria-hidden className="size-3.5 text-success-soft-fg" /> : current ? <Loader2 aria-hidden className="size-3.5 animate-spin" /> : failed && i === reached ? <XCircle aria-hidden className="size-3.5 text-danger" /> : <Circle aria-hidden className="size-3.5" />}
                  {s.label}
                  <span className="sr-only">{done ? "(done)" : current ? "(in progress)" : "(not yet)"}</span>
                </li>
              );
            })}
          </ol>
        </>
      )}
      {file.error && (
        <p role="alert" data-testid="import-error" className="rounded-lg border border-danger/30 bg-danger-soft px-3 py-2 text-[13px] break-words text-danger-soft-fg">
          {file.error}
        </p>
      )}
      {file.status === "done" && file.summaries.length === 0 && <p className="text-[13px] text-fg-muted">The file held no users, groups, roles or policies: nothing was imported.</p>}
      {file.summaries.map((s) => <ImportedAccount key={s.accountId} summary={s} />)}
    </li>
  );
}

function ImportedAccount({ summary: s }: { summary: ImportedAccountSummary }) {
  const router = useRouter();
  // The console looks at one account at a time: switch to the imported one, then open the page.
  const open = async (href: string) => {
    await fetchJson("/api/console/account", { method: "PUT", body: { accountId: s.accountId } });
    router.push(href);
    router.refresh();
  };
  const counts = [
    { n: s.users, one: "user", many: "users", href: "/users", testId: "imported-users" },
    { n: s.groups, one: "group", many: "groups", href: "/groups", testId: "imported-groups" },
    { n: s.roles, one: "role", many: "roles", href: "/roles", testId: "imported-roles" },
    { n: s.policies, one: "customer managed policy", many: "customer managed policies", href: "/policies", testId: "imported-policies" },
  ];
  return (
    <div className="rounded-lg border border-border bg-surface-2 px-3 py-2.5" data-testid="imported-account">
      <p className="text-sm font-medium text-fg">
        Account <span className="font-mono" data-testid="imported-account-id">{s.accountId}</span>
      </p>
      <ul className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1 text-[13px]">
        {counts.map((c) => (
          <li key={c.testId}>
            <button type="button" className="text-accent underline-offset-2 hover:underline" data-testid={c.testId} onClick={() => open(c.href)}>
              {c.n} {c.n === 1 ? c.one : c.many}
            </button>
          </li>
        ))}
        {s.instanceProfiles > 0 && <li className="text-fg-muted">{s.instanceProfiles} instance profile{s.instanceProfiles === 1 ? "" : "s"}</li>}
        {s.awsManagedPolicies > 0 && <li className="text-fg-muted">{s.awsManagedPolicies} AWS managed polic{s.awsManagedPolicies === 1 ? "y" : "ies"} new to this store</li>}
        <li>
          <button type="button" className="text-accent underline-offset-2 hover:underline" onClick={() => open("/access/graph")}>Graph view</button>
        </li>
      </ul>
    </div>
  );
}
