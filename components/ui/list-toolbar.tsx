"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Input } from "./input";

/**
 * Replaces the URL with `href` once typing pauses, so the server filters once per burst of keystrokes and the
 * filtered view stays linkable. `undefined` means the URL already says what the toolbar says.
 */
export function useDebouncedUrl(href: string | undefined) {
  const router = useRouter();
  useEffect(() => {
    if (href === undefined) return;
    const t = setTimeout(() => router.replace(href, { scroll: false }), 250);
    return () => clearTimeout(t);
  }, [href, router]);
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
export function NameAndPathToolbar({ noun, applied, toHref }: {
  /** Plural, and the start of every id ("roles" gives roles-search and roles-path). */
  noun: string;
  /** The filters the URL holds now. */
  applied: NameAndPathFilters;
  toHref: (filters: Required<NameAndPathFilters>) => string;
}) {
  const [search, setSearch] = useState(applied.search ?? "");
  const [path, setPath] = useState(applied.path ?? "");
  const nextPath = path === "" || path.startsWith("/") ? path : `/${path}`;
  const unchanged = search === (applied.search ?? "") && nextPath === (applied.path ?? "");
  useDebouncedUrl(unchanged ? undefined : toHref({ search, path: nextPath }));

  return (
    <ListToolbar>
      <ListSearch id={`${noun}-search`} noun={noun} value={search} onChange={setSearch} />
      <ListFilter id={`${noun}-path`} label="Path">
        <Input id={`${noun}-path`} data-testid={`${noun}-path`} placeholder="/ (all paths)" value={path} onChange={(e) => setPath(e.target.value)} className="w-44 font-mono text-[13px]" />
      </ListFilter>
    </ListToolbar>
  );
}
