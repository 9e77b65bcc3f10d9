"use client";
import { forwardRef, useId } from "react";
import { Loader2 } from "lucide-react";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "ghost" | "danger";
type Size = "sm" | "md";

export interface ButtonProps extends React.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  size?: Size;
  loading?: boolean;
  /** When set, the button is disabled and this text explains why (tooltip and screen readers). */
  disabledReason?: string;
  icon?: React.ReactNode;
}

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent text-accent-fg hover:bg-accent-hover shadow-card",
  secondary: "bg-surface text-fg border border-border-strong hover:bg-surface-2 shadow-card",
  ghost: "text-fg-muted hover:text-fg hover:bg-surface-2",
  danger: "bg-danger text-danger-fg hover:bg-danger-hover shadow-card",
};

const SIZES: Record<Size, string> = {
  sm: "h-8 px-2.5 text-[13px] gap-1.5",
  md: "h-9 px-3.5 text-sm gap-2",
};

export const buttonClass = (variant: Variant = "secondary", size: Size = "md", extra?: string) =>
  cn(
    "inline-flex items-center justify-center rounded-lg font-medium whitespace-nowrap transition-colors",
    "disabled:cursor-not-allowed disabled:opacity-55",
    VARIANTS[variant],
    SIZES[size],
    extra,
  );

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = "secondary", size = "md", loading, disabledReason, icon, className, children, disabled, type, ...rest },
  ref,
) {
  const reasonId = useId();
  const button = (
    <button
      ref={ref}
      type={type ?? "button"}
      disabled={disabled || loading || !!disabledReason}
      aria-describedby={disabledReason ? reasonId : undefined}
      aria-busy={loading || undefined}
      className={buttonClass(variant, size, className)}
      {...rest}
    >
      {loading ? <Loader2 aria-hidden className="size-4 animate-spin" /> : icon}
      {children}
    </button>
  );
  if (!disabledReason) return button;
  // A disabled button gets no hover events, so the tooltip sits on a wrapper that keeps them.
  return (
    <span className="group relative inline-flex" title={disabledReason}>
      {button}
      <span id={reasonId} role="tooltip" className="pointer-events-none absolute top-full right-0 z-30 mt-1.5 hidden w-max max-w-64 rounded-md bg-fg px-2 py-1 text-xs text-bg shadow-overlay group-hover:block">
        {disabledReason}
      </span>
    </span>
  );
});
