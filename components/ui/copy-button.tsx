"use client";
import { useState } from "react";
import { Check, Copy } from "lucide-react";
import { cn } from "./cn";

/** Copies `value`; the label says what is copied and the icon and live text confirm it. */
export function CopyButton({ value, label, className }: { value: string; label: string; className?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    await navigator.clipboard?.writeText(value).catch(() => undefined);
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  }
  return (
    <button
      type="button"
      onClick={copy}
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      title={copied ? "Copied" : `Copy ${label}`}
      className={cn("inline-flex size-7 shrink-0 items-center justify-center rounded-md text-fg-subtle hover:bg-surface-3 hover:text-fg", className)}
    >
      {copied ? <Check aria-hidden className="size-3.5 text-success-soft-fg" /> : <Copy aria-hidden className="size-3.5" />}
      <span className="sr-only" aria-live="polite">{copied ? "Copied" : ""}</span>
    </button>
  );
}
