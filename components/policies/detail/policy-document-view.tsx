import { prettyJson } from "@/components/format";
import { cn } from "@/components/ui/cn";

/** A policy document as indented JSON, whatever whitespace it was saved with. */
export function PolicyDocumentView({ document, testId, className }: { document: string; testId?: string; className?: string }) {
  return (
    <pre tabIndex={0} className={cn("max-h-[32rem] overflow-auto rounded-lg bg-surface-2 p-4 font-mono text-xs leading-relaxed", className)} data-testid={testId}>
      {prettyJson(document)}
    </pre>
  );
}
