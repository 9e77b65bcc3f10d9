"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/format";

const DAY = 86_400_000;

/** A date after which something stops working, with its state in words (colour is not the only signal). */
export function ValidUntil({ value, testId }: { value: string | null; testId?: string }) {
  const [now] = useState(() => Date.now());
  if (!value) return <span className="text-fg-muted">No expiry stated</span>;
  const left = new Date(value).getTime() - now;
  return (
    <span className="inline-flex items-center gap-1.5" data-testid={testId}>
      {formatDate(value)}
      {left <= 0 ? <Badge tone="danger">Expired</Badge> : left < 30 * DAY ? <Badge tone="warning">Expires soon</Badge> : null}
    </span>
  );
}
