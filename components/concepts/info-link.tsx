"use client";
import { useState } from "react";
import { createPortal } from "react-dom";
import { ExternalLink } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { CONCEPTS, type ConceptId } from "@/lib/concepts/glossary";

/**
 * The AWS console's small "Info" link beside a label: it opens a side panel that explains the term in a few
 * sentences and links the AWS IAM user guide. The panel is a modal dialog (focus moves in, Escape closes it and
 * focus returns here); it is portalled to <body> so a click inside it never reaches a surrounding <label>.
 */
export function InfoLink({ concept, className }: { concept: ConceptId; className?: string }) {
  const [open, setOpen] = useState(false);
  const c = CONCEPTS[concept];
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={(e) => {
          e.preventDefault();
          setOpen(true);
        }}
        className={cn("rounded px-0.5 text-xs font-semibold text-accent hover:underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-ring", className)}
        data-testid={`info-${concept}`}
      >
        Info
        {/* Named by its content, not aria-label, so a field's label never names this button too. */}
        <span className="sr-only"> about {c.term}</span>
      </button>
      {open &&
        createPortal(
          <Dialog open onClose={() => setOpen(false)} title={c.term} placement="side" testId="info-panel">
            <div className="flex flex-col gap-3 pb-4 text-sm leading-relaxed" data-testid="info-panel-text">
              {c.explanation.map((p) => <p key={p}>{p}</p>)}
            </div>
            <div className="border-t border-border pt-3 pb-5">
              <h3 className="mb-1.5 text-xs font-medium tracking-wide text-fg-subtle uppercase">Learn more</h3>
              <a href={c.awsDocs.url} target="_blank" rel="noreferrer" className="inline-flex items-start gap-1.5 text-[13px] text-accent underline underline-offset-2" data-testid="info-panel-aws-link">
                {c.awsDocs.title}
                <ExternalLink aria-hidden className="mt-0.5 size-3.5 shrink-0" />
                <span className="sr-only">(AWS IAM user guide, opens in a new tab)</span>
              </a>
            </div>
          </Dialog>,
          document.body,
        )}
    </>
  );
}
