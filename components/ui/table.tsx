import Link from "next/link";
import { ArrowDown, ArrowUp, ChevronsUpDown } from "lucide-react";
import { cn } from "./cn";
import type { SortOrder } from "./list-sort";

export function Table({ children, label, testId }: { children: React.ReactNode; label: string; testId?: string }) {
  return (
    <div className="overflow-x-auto">
      <table aria-label={label} data-testid={testId} className="w-full border-collapse text-left text-sm">
        {children}
      </table>
    </div>
  );
}

export function Th({ children, className, sort }: { children: React.ReactNode; className?: string; sort?: "ascending" | "descending" | "none" }) {
  return (
    <th scope="col" aria-sort={sort} className={cn("border-b border-border bg-surface-2/70 px-4 py-2.5 text-xs font-medium tracking-wide text-fg-muted uppercase", className)}>
      {children}
    </th>
  );
}

/** A column header that sorts by linking to the same view with another sort in the URL (see ./list-sort). */
export function SortTh({ label, href, direction, className }: { label: string; href: string; direction?: SortOrder; className?: string }) {
  return (
    <Th className={className} sort={ariaSort(direction)}>
      <Link href={href} scroll={false} className="group inline-flex items-center gap-1 hover:text-fg">
        <SortLabel label={label} direction={direction} />
      </Link>
    </Th>
  );
}

const ariaSort = (direction?: SortOrder) => (direction === "asc" ? "ascending" : direction === "desc" ? "descending" : "none");

/** A sortable header's text, its arrow and, for screen readers, the order it sorts in. */
function SortLabel({ label, direction }: { label: string; direction?: SortOrder }) {
  const Icon = direction === "asc" ? ArrowUp : direction === "desc" ? ArrowDown : ChevronsUpDown;
  return (
    <>
      {label}
      <Icon aria-hidden className={cn("size-3.5", direction ? "text-fg" : "opacity-40 group-hover:opacity-100")} />
      <span className="sr-only">{direction ? `, sorted ${direction === "asc" ? "ascending" : "descending"}` : ", sort"}</span>
    </>
  );
}

/** A column header that sorts the list in place (no URL): a button, so Enter and Space sort as a click does. */
export function SortButtonTh({ label, direction, onSort, className, testId }: { label: string; direction?: SortOrder; onSort: () => void; className?: string; testId?: string }) {
  return (
    <Th className={className} sort={ariaSort(direction)}>
      <button type="button" onClick={onSort} data-testid={testId} className="group inline-flex items-center gap-1 rounded uppercase hover:text-fg focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        <SortLabel label={label} direction={direction} />
      </button>
    </Th>
  );
}

export function Td({ children, className, colSpan }: { children?: React.ReactNode; className?: string; colSpan?: number }) {
  return (
    <td colSpan={colSpan} className={cn("border-b border-border px-4 py-3 align-middle", className)}>
      {children}
    </td>
  );
}

export function Tr({ children, className, testId }: { children: React.ReactNode; className?: string; testId?: string }) {
  return (
    <tr data-testid={testId} className={cn("transition-colors hover:bg-surface-2/60 [&:last-child>td]:border-b-0", className)}>
      {children}
    </tr>
  );
}
