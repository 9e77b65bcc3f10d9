import { CopyButton } from "./copy-button";

/** The facts at the top of a detail page, as a description list so each value is read with its label. */
export function SummaryGrid({ children }: { children: React.ReactNode }) {
  return <dl className="grid gap-x-8 gap-y-4 rounded-xl border border-border bg-surface p-5 shadow-card sm:grid-cols-2 lg:grid-cols-3">{children}</dl>;
}

/** `wide` gives long values such as ARNs two columns. */
export function SummaryField({ label, info, wide, children }: { label: string; info?: React.ReactNode; wide?: boolean; children: React.ReactNode }) {
  return (
    <div className={wide ? "min-w-0 sm:col-span-2 lg:col-span-2" : "min-w-0"}>
      <dt className="flex items-center gap-1.5 text-xs font-medium text-fg-muted">{label}{info}</dt>
      <dd className="mt-1 text-[13px]">{children}</dd>
    </div>
  );
}

/** An identifier people paste elsewhere (ARN, unique ID); `truncate` for those that can outgrow the column. */
export function CopyableCode({ value, label, truncate, testId }: { value: string; label: string; truncate?: boolean; testId?: string }) {
  return (
    <span className="flex items-center gap-1">
      <code className={truncate ? "truncate font-mono text-[12.5px]" : "font-mono text-[12.5px]"} data-testid={testId}>{value}</code>
      <CopyButton value={value} label={label} />
    </span>
  );
}
