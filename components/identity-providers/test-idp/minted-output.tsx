"use client";
import { useId } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDateTime } from "@/components/format";

/** A minted credential or command, read-only, with a copy button beside its label. */
export function MintedOutput({ label, value, rows = 4, testId }: { label: string; value: string; rows?: number; testId: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between">
        <label htmlFor={id} className="text-[13px] font-medium">{label}</label>
        <CopyButton value={value} label={label.toLowerCase()} />
      </div>
      <textarea id={id} readOnly rows={rows} value={value} spellCheck={false} data-testid={testId}
        className="w-full resize-y rounded-lg border border-border-strong bg-surface-2 px-3 py-2 font-mono text-[12px] leading-relaxed break-all text-fg focus-visible:outline-2 focus-visible:outline-ring" />
    </div>
  );
}

export function ExpiresNote({ at }: { at: string }) {
  return <p className="text-[13px] text-fg-muted" data-testid="minted-expires">Valid until {formatDateTime(at)}. Roleplane does not keep it: copy it now.</p>;
}

/** The AWS CLI pointed at this Roleplane: `--endpoint-url <origin>/api/aws`. Quoted for a POSIX shell. */
export function cliCommand(parts: [string, string][], head: string): string {
  const quote = (v: string) => `'${v.replace(/'/g, `'\\''`)}'`;
  const origin = typeof window === "undefined" ? "http://localhost:3000" : window.location.origin;
  return [`aws --endpoint-url ${origin}/api/aws ${head}`, ...parts.map(([flag, v]) => `  --${flag} ${quote(v)}`)].join(" \\\n");
}
