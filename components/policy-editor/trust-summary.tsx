"use client";
import { useMemo } from "react";
import { BookOpenText } from "lucide-react";
import { describeTrustPolicy } from "@/lib/policy";
import { useDebounced } from "./policy-editor-queries";

/**
 * What a trust policy allows, in plain words, so a reviewer need not read JSON. It is Roleplane's reading of
 * the document (AWS has no such summary), and says so: the JSON is what IAM enforces.
 */
export function TrustSummary({ text, testId }: { text: string; testId: string }) {
  // Reading the whole document again is not keystroke-critical: wait for a pause so typing stays fast.
  const settled = useDebounced(text, 150);
  const sentences = useMemo(() => describeTrustPolicy(settled), [settled]);
  return (
    <aside aria-labelledby={`${testId}-title`} data-testid={testId} className="flex flex-col gap-2 bg-surface-2/60 p-4">
      <div className="flex items-center gap-2">
        <BookOpenText aria-hidden className="size-4 text-accent" />
        <h3 id={`${testId}-title`} className="text-[13px] font-semibold text-fg">
          Who can assume this role
        </h3>
      </div>
      <p className="text-xs text-fg-subtle">
        Roleplane&apos;s reading of the policy, beyond what AWS shows. The JSON is what IAM enforces.
      </p>
      <ul className="mt-1 flex flex-col gap-2">
        {sentences.map((s, i) => (
          <li key={i} className="rounded-lg border border-border bg-surface px-3 py-2 text-[13px] leading-relaxed text-fg" data-testid={`${testId}-sentence`}>
            {s}
          </li>
        ))}
      </ul>
    </aside>
  );
}
