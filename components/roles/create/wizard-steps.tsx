import Link from "next/link";
import { Check } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { STEP_LABELS, WIZARD_STEPS, type WizardStep } from "./draft";

/** The steps as links (each step has its own URL); steps after the current one are not yet reachable. */
export function WizardSteps({ current, hrefFor }: { current: WizardStep; hrefFor: (s: WizardStep) => string }) {
  const at = WIZARD_STEPS.indexOf(current);
  return (
    <nav aria-label="Create role steps">
      <ol className="flex flex-col gap-1">
        {WIZARD_STEPS.map((s, i) => {
          const done = i < at;
          const body = (
            <>
              <span className={cn("flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
                i === at ? "border-accent bg-accent text-accent-fg" : done ? "border-accent text-accent" : "border-border-strong text-fg-subtle")}>
                {done ? <Check aria-hidden className="size-3.5" /> : i + 1}
              </span>
              <span>
                <span className="block text-[11px] tracking-wide text-fg-subtle uppercase">Step {i + 1}</span>
                <span className={cn("block text-sm", i === at ? "font-semibold text-fg" : "text-fg-muted")}>{STEP_LABELS[s]}</span>
              </span>
            </>
          );
          return (
            <li key={s}>
              {done ? (
                <Link href={hrefFor(s)} className="flex items-center gap-3 rounded-lg px-2 py-2 hover:bg-surface-2">{body}</Link>
              ) : (
                <span aria-current={i === at ? "step" : undefined} className="flex items-center gap-3 px-2 py-2">{body}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
