"use client";
import { useId } from "react";
import { Upload } from "lucide-react";
import { Textarea } from "@/components/ui/input";

/**
 * A document people paste or upload (SAML metadata, a JWKS): a labelled textarea with a file picker that fills it.
 * The file is read in the browser; only its text is sent.
 */
export function FileTextField({ label, value, onChange, error, hint, accept, rows = 8, testId, optional }: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  hint?: React.ReactNode;
  accept: string;
  rows?: number;
  testId: string;
  optional?: boolean;
}) {
  const id = useId();
  const fileId = useId();
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <div className="flex items-center justify-between gap-3">
        <label htmlFor={id} className="text-[13px] font-medium">
          {label}
          {optional && <span className="ml-1.5 font-normal text-fg-subtle">optional</span>}
        </label>
        <label htmlFor={fileId} className="inline-flex cursor-pointer items-center gap-1.5 rounded-md px-2 py-1 text-[13px] font-medium text-accent hover:bg-surface-2 focus-within:outline-2 focus-within:outline-ring">
          <Upload aria-hidden className="size-3.5" /> Upload a file
          <input id={fileId} type="file" accept={accept} className="sr-only" data-testid={`${testId}-file`} onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) onChange(await file.text());
            e.target.value = "";
          }} />
        </label>
      </div>
      <Textarea id={id} code rows={rows} value={value} invalid={!!error} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
      {error ? <p id={`${id}-error`} role="alert" className="text-[13px] text-danger">{error}</p> : hint ? <p id={`${id}-hint`} className="text-[13px] text-fg-muted">{hint}</p> : null}
    </div>
  );
}
