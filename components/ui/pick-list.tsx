"use client";
import { useDeferredValue, useId, useState } from "react";
import { Search } from "lucide-react";
import { Input } from "./input";
import { ErrorState, Skeleton } from "./states";
import { cn } from "./cn";
import { useResetOnOpen } from "./use-reset-on-open";

export interface PickItem {
  /** What is picked (an ARN, a name). */
  value: string;
  label: string;
  /** A second line, e.g. the ARN. */
  detail?: string;
  /** Shown but not selectable (already attached, already a member); `badge` says why. */
  disabled?: boolean;
  badge?: React.ReactNode;
}

/**
 * A searchable list to pick one (`single`) or several (`multiple`) items from: the search box, the results as
 * radio buttons or checkboxes, loading and error states, and a hint when the results are only the first page.
 * `testIdOf` names each choice for the specs (`pick-<name>`).
 */
export function PickList({ mode, items, selected, onChange, search, onSearch, label, placeholder, listLabel, loading, error, onRetry, empty, more, searchTestId, resultsTestId, aside }: {
  mode: "single" | "multiple";
  items: PickItem[] | undefined;
  selected: string[];
  onChange: (values: string[]) => void;
  search: string;
  onSearch: (search: string) => void;
  label: string;
  placeholder: string;
  listLabel: string;
  loading: boolean;
  error?: Error | null;
  onRetry?: () => void;
  /** Shown when the search finds nothing. */
  empty: React.ReactNode;
  /** Shown under the list when there are more results than it holds. */
  more?: React.ReactNode;
  searchTestId: string;
  resultsTestId: string;
  /** A control beside each item, outside its label (e.g. a Preview button). */
  aside?: (item: PickItem) => React.ReactNode;
}) {
  const searchId = useId();
  const toggle = (value: string) =>
    mode === "single" ? onChange(selected[0] === value ? [] : [value]) : onChange(selected.includes(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <div className="flex flex-col gap-2">
      <div className="relative">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <label htmlFor={searchId} className="sr-only">{label}</label>
        <Input id={searchId} data-testid={searchTestId} type="search" placeholder={placeholder} value={search} onChange={(e) => onSearch(e.target.value)} className="pl-9" />
      </div>
      {error && <ErrorState title="Could not search" message={error.message} onRetry={onRetry} />}
      <ul aria-label={listLabel} className="max-h-72 overflow-y-auto rounded-lg border border-border" data-testid={resultsTestId}>
        {loading
          ? Array.from({ length: 5 }, (_, i) => <li key={i} className="p-2.5"><Skeleton className="h-6" /></li>)
          : items?.map((item) => {
              const checked = selected.includes(item.value);
              return (
                <li key={item.value} className={cn("flex items-center border-b border-border last:border-b-0", checked && "bg-accent-soft/60")}>
                  <label className={cn("flex min-w-0 flex-1 cursor-pointer items-center gap-3 px-3 py-2 hover:bg-surface-2", item.disabled && "cursor-not-allowed opacity-60")}>
                    <input
                      type={mode === "single" ? "radio" : "checkbox"}
                      name={`${resultsTestId}-pick`}
                      checked={checked || !!item.disabled}
                      disabled={item.disabled}
                      onChange={() => toggle(item.value)}
                      className="size-4 accent-[var(--accent)]"
                      data-testid={`pick-${item.label}`}
                    />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate text-sm font-medium">{item.label}</span>
                      {item.detail && <span className="block truncate font-mono text-[11px] text-fg-subtle">{item.detail}</span>}
                    </span>
                    {item.badge}
                  </label>
                  {aside && <span className="shrink-0 pr-2">{aside(item)}</span>}
                </li>
              );
            })}
        {!loading && items?.length === 0 && <li className="px-3 py-6 text-center text-[13px] text-fg-muted">{empty}</li>}
      </ul>
      {more && <p className="text-xs text-fg-subtle">{more}</p>}
    </div>
  );
}

/** A pick dialog's search (and its settled value, to query with) and selection, fresh each time it opens. */
export function usePickState(openedFor: string | false) {
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<string[]>([]);
  const deferred = useDeferredValue(search.trim());
  useResetOnOpen(openedFor, () => {
    setSearch("");
    setSelected([]);
  });
  return { search, setSearch, deferred, selected, setSelected };
}
