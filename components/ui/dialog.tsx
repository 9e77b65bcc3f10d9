"use client";
import { useEffect, useId, useRef } from "react";
import { X } from "lucide-react";
import { cn } from "./cn";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  description?: React.ReactNode;
  children: React.ReactNode;
  footer?: React.ReactNode;
  size?: "md" | "lg";
  /** `side`: a help panel along the right edge (the AWS console's Info panel) instead of a centred modal. */
  placement?: "center" | "side";
  testId?: string;
}

/**
 * A modal on the native <dialog>: showModal() makes the page behind inert (focus stays inside), Esc closes it,
 * and focus returns to the element that opened it.
 */
export function Dialog({ open, onClose, title, description, children, footer, size = "md", placement = "center", testId }: DialogProps) {
  const side = placement === "side";
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descId = useId();

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) {
      const opener = document.activeElement as HTMLElement | null;
      el.showModal();
      return () => opener?.focus?.();
    }
    if (!open && el.open) el.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      data-testid={testId}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
      className={cn(
        "border border-border bg-surface p-0 text-fg shadow-overlay",
        side
          ? "my-0 mr-0 ml-auto h-dvh max-h-dvh w-[min(26rem,100%)] max-w-none rounded-none border-y-0 border-r-0"
          : cn("m-auto w-[calc(100%-2rem)] rounded-2xl", size === "lg" ? "max-w-3xl" : "max-w-lg"),
      )}
    >
      {open && (
        <div className={cn("flex flex-col", side ? "h-full" : "max-h-[85vh]")}>
          <header className="flex items-start justify-between gap-4 px-6 pt-5 pb-3">
            <div>
              <h2 id={titleId} className="text-base font-semibold">{title}</h2>
              {description && <div id={descId} className="mt-1 text-[13px] text-fg-muted">{description}</div>}
            </div>
            <button type="button" onClick={onClose} aria-label="Close" className="-mr-2 rounded-md p-1.5 text-fg-subtle hover:bg-surface-2 hover:text-fg">
              <X aria-hidden className="size-4" />
            </button>
          </header>
          <div className="overflow-y-auto px-6 py-2">{children}</div>
          {footer && <footer className="mt-2 flex justify-end gap-2 border-t border-border bg-surface-2/60 px-6 py-3.5 rounded-b-2xl">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
