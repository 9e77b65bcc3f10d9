import Link from "next/link";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "./cn";

/** Page links (the page lives in the URL); shows the range so the user knows where they are. */
export function Pagination({ page, pageSize, total, hrefFor, label }: {
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const link = (target: number, disabled: boolean, children: React.ReactNode, aria: string) =>
    disabled ? (
      <span aria-disabled className="inline-flex size-8 items-center justify-center rounded-lg text-fg-subtle opacity-50">{children}</span>
    ) : (
      <Link href={hrefFor(target)} scroll={false} aria-label={aria} className="inline-flex size-8 items-center justify-center rounded-lg text-fg-muted hover:bg-surface-2 hover:text-fg">
        {children}
      </Link>
    );
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4 px-4 py-3 text-[13px] text-fg-muted">
      <p data-testid="pagination-range">
        <span className="font-medium text-fg tabular-nums">{from.toLocaleString()}–{to.toLocaleString()}</span> of{" "}
        <span className="tabular-nums">{total.toLocaleString()}</span>
      </p>
      <div className={cn("flex items-center gap-1", pages === 1 && "invisible")}>
        {link(page - 1, page <= 1, <ChevronLeft aria-hidden className="size-4" />, "Previous page")}
        <span className="px-2 tabular-nums">
          Page {page} of {pages.toLocaleString()}
        </span>
        {link(page + 1, page >= pages, <ChevronRight aria-hidden className="size-4" />, "Next page")}
      </div>
    </nav>
  );
}
