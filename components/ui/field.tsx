import { useId } from "react";
import { cn } from "./cn";

export interface FieldProps {
  label: string;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  /** Shown beside the label, outside it: e.g. an Info link to the term's explanation. */
  info?: React.ReactNode;
  className?: string;
  /** Receives the ids to wire the control to its label, hint and error. */
  children: (ids: { id: string; describedBy?: string; invalid: boolean }) => React.ReactNode;
}

/** Label + control + hint + error, so every input is labelled and its error announced. */
export function Field({ label, hint, error, optional, info, className, children }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  const labelEl = (
    <label htmlFor={id} className="text-[13px] font-medium text-fg">
      {label}
      {optional && <span className="ml-1.5 font-normal text-fg-subtle">optional</span>}
    </label>
  );
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      {info ? <div className="flex items-center gap-1.5">{labelEl}{info}</div> : labelEl}
      {children({ id, describedBy, invalid: !!error })}
      {error && (
        <p id={errorId} className="text-[13px] text-danger" role="alert">
          {error}
        </p>
      )}
      {hint && !error && (
        <p id={hintId} className="text-[13px] text-fg-muted">
          {hint}
        </p>
      )}
    </div>
  );
}
