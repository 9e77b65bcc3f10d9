import { forwardRef } from "react";
import { cn } from "./cn";

export const controlClass = (invalid?: boolean, extra?: string) =>
  cn(
    "rounded-lg border bg-surface px-3 text-sm text-fg placeholder:text-fg-subtle shadow-card",
    "focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
    "disabled:bg-surface-2 disabled:text-fg-muted",
    invalid ? "border-danger" : "border-border-strong",
    // Full width unless the caller sets a width.
    /(^|\s)w-/.test(extra ?? "") ? undefined : "w-full",
    extra,
  );

type InputProps = React.InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean };

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input({ invalid, className, ...rest }, ref) {
  return <input ref={ref} aria-invalid={invalid || undefined} className={controlClass(invalid, cn("h-9", className))} {...rest} />;
});

type TextareaProps = React.TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean; code?: boolean };

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { invalid, code, className, ...rest },
  ref,
) {
  return (
    <textarea
      ref={ref}
      aria-invalid={invalid || undefined}
      spellCheck={code ? false : undefined}
      className={controlClass(invalid, cn("py-2 leading-relaxed", code && "font-mono text-[12.5px]", className))}
      {...rest}
    />
  );
});

type SelectProps = React.SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean };

export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select({ invalid, className, ...rest }, ref) {
  return <select ref={ref} aria-invalid={invalid || undefined} className={controlClass(invalid, cn("h-9 pr-8", className))} {...rest} />;
});
