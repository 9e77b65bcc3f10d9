"use client";
import { useState } from "react";
import { Compass } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { choiceForAnswer, ROLE_GUIDE_ANSWERS, type RoleGuideAnswer } from "@/lib/concepts/role-guide";
import type { TrustChoice } from "@/lib/trust-builder/build";

/**
 * "Which kind of role do I need?": one question, who needs access, whose answer picks the trusted entity card (and
 * ticks Require external ID for a third party). A disclosure, closed by default, so it costs people who know nothing.
 */
export function RoleGuide({ trust, change }: { trust: TrustChoice; change: (patch: Partial<TrustChoice>) => void }) {
  const [answer, setAnswer] = useState<RoleGuideAnswer | null>(null);
  // The guide's pick stops being shown once the person chooses another card themselves.
  const current = answer && choiceForAnswer(answer, trust).entity === trust.entity ? ROLE_GUIDE_ANSWERS.find((a) => a.id === answer) : undefined;
  function choose(id: RoleGuideAnswer) {
    setAnswer(id);
    change(choiceForAnswer(id, trust));
  }
  return (
    <details className="group rounded-lg border border-border bg-surface-2/40" data-testid="role-guide">
      <summary className="flex cursor-pointer items-center gap-2 rounded-lg px-4 py-3 text-sm font-medium select-none hover:bg-surface-2 focus-visible:outline-2 focus-visible:outline-ring">
        <Compass aria-hidden className="size-4 text-accent" />
        Which kind of role do I need?
        <span className="font-normal text-fg-muted">Answer one question and we choose the trusted entity for you.</span>
      </summary>
      <fieldset className="px-4 pt-1 pb-4">
        <legend className="mb-2 text-[13px] font-medium">Who needs access to this account?</legend>
        <div className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3">
          {ROLE_GUIDE_ANSWERS.map((a) => (
            <label
              key={a.id}
              className={cn(
                "flex cursor-pointer gap-3 rounded-lg border bg-surface p-3 transition-colors hover:border-border-strong has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                answer === a.id ? "border-accent" : "border-border",
              )}
            >
              <input type="radio" name="role-guide" value={a.id} checked={answer === a.id} onChange={() => choose(a.id)} className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]" data-testid={`guide-${a.id}`} />
              <span>
                <span className="block text-sm font-medium">{a.label}</span>
                <span className="mt-0.5 block text-xs text-fg-muted">{a.example}</span>
              </span>
            </label>
          ))}
        </div>
        <p role="status" className="mt-3 min-h-5 text-[13px]" data-testid="guide-result">
          {current && <>Chosen for you: <strong>{current.picks}</strong></>}
        </p>
      </fieldset>
    </details>
  );
}
