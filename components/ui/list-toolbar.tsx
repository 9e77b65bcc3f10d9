"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Input } from "./input";

/**
 * Filters typed into a toolbar: the draft changes with every keystroke, the URL once typing pauses (so the
 * server filters once per burst and the view stays linkable). When the URL changes to something the toolbar
 * did not send (Clear filters, back and forward), the draft follows it; the URL catching up with the toolbar's
 * own request is not such a change, so a keystroke typed meanwhile is kept.
 */
export function useUrlDraft<T>(applied: T, toHref: (draft: T) => string, same: (a: T, b: T) => boolean) {
  const router = useRouter();
  const [draft, setDraft] = useState(applied);
  const [seen, setSeen] = useState(applied);
  const [sent, setSent] = useState<T | undefined>(undefined);
  if (!same(applied, seen)) {
    setSeen(applied);
    if (sent === undefined || !same(applied, sent)) setDraft(applied);
  }
  const href = same(draft, applied) ? undefined : toHref(draft);
  useEffect(() => {
    if (href === undefined) return;
    const t = setTimeout(() => {
      setSent(draft);
      router.replace(href, { scroll: false });
    }, 250);
    return () => clearTimeout(t);
  }, [href, draft, router]);
  return [draft, setDraft] as const;
}

export function ListToolbar({ children }: { children: React.ReactNode }) {
  return <div className="flex flex-wrap items-center gap-3 border-b border-border p-3">{children}</div>;
}

/** `id` is also the test id; `noun` is plural ("roles"). */
export function ListSearch({ id, noun, value, onChange }: { id: string; noun: string; value: string; onChange: (value: string) => void }) {
  return (
    <div className="relative min-w-56 flex-1">
      <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
      <label htmlFor={id} className="sr-only">Search {noun} by name</label>
      <Input id={id} data-testid={id} type="search" placeholder={`Search ${noun} by name`} value={value} onChange={(e) => onChange(e.target.value)} className="pl-9" />
    </div>
  );
}

/** A labelled filter control beside the search box; the control must carry `id`. */
export function ListFilter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-[13px] font-medium text-fg-muted">{label}</label>
      {children}
    </div>
  );
}

export interface NameAndPathFilters {
  search?: string;
  path?: string;
}

/**
 * Name search and path prefix, the filters ListRoles and ListUsers share. IAM path prefixes start with "/",
 * so one typed without it gets it before it reaches the URL.
 */
export function NameAndPathToolbar({ noun, label = noun, applied, toHref }: {
  /** Plural, and the start of every id ("roles" gives roles-search and roles-path). */
  noun: string;
  /** The noun as people read it, when it differs from the ids' ("instance profiles"). */
  label?: string;
  /** The filters the URL holds now. */
  applied: NameAndPathFilters;
  toHref: (filters: Required<NameAndPathFilters>) => string;
}) {
  const [draft, setDraft] = useUrlDraft(
    { search: applied.search ?? "", path: applied.path ?? "" },
    (d) => toHref({ search: d.search, path: withLeadingSlash(d.path) }),
    (a, b) => a.search === b.search && withLeadingSlash(a.path) === withLeadingSlash(b.path),
  );

  return (
    <ListToolbar>
      <ListSearch id={`${noun}-search`} noun={label} value={draft.search} onChange={(search) => setDraft({ ...draft, search })} />
      <ListFilter id={`${noun}-path`} label="Path">
        <Input id={`${noun}-path`} data-testid={`${noun}-path`} placeholder="/ (all paths)" value={draft.path} onChange={(e) => setDraft({ ...draft, path: e.target.value })} className="w-44 font-mono text-[13px]" />
      </ListFilter>
    </ListToolbar>
  );
}

const withLeadingSlash = (path: string) => (path === "" || path.startsWith("/") ? path : `/${path}`);
