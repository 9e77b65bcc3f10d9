"use client";
import { useId } from "react";

/** A checkbox with its label (and an optional Info link beside it) and a hint under it. */
export function Check({
  checked,
  onChange,
  label,
  info,
  testId,
  children,
}: {
  checked: boolean;
  onChange: (v: boolean) => void;
  label: string;
  info?: React.ReactNode;
  testId: string;
  children: React.ReactNode;
}) {
  const id = useId();
  return (
    <div className="flex gap-3">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} className="mt-0.5 size-4 shrink-0 accent-[var(--accent)]" data-testid={testId} aria-describedby={`${id}-hint`} />
      <div>
        <div className="flex items-center gap-1.5">
          <label htmlFor={id} className="text-sm font-medium">{label}</label>
          {info}
        </div>
        <p id={`${id}-hint`} className="text-xs text-fg-muted">{children}</p>
      </div>
    </div>
  );
}
