"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Input } from "@/components/ui/input";
import { toUsers, type UsersListState } from "./routes";

/** Search and path filter write to the URL (debounced), so the server does the filtering and the view is linkable. */
export function UsersToolbar({ state }: { state: UsersListState }) {
  const router = useRouter();
  const [search, setSearch] = useState(state.search ?? "");
  const [path, setPath] = useState(state.path ?? "");

  useEffect(() => {
    const nextPath = path === "" || path.startsWith("/") ? path : `/${path}`;
    if (search === (state.search ?? "") && nextPath === (state.path ?? "")) return;
    const t = setTimeout(() => router.replace(toUsers({ ...state, search, path: nextPath, page: 1 }), { scroll: false }), 250);
    return () => clearTimeout(t);
  }, [search, path, state, router]);

  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-border p-3">
      <div className="relative min-w-56 flex-1">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <label htmlFor="users-search" className="sr-only">Search users by name</label>
        <Input id="users-search" data-testid="users-search" type="search" placeholder="Search users by name" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor="users-path" className="text-[13px] font-medium text-fg-muted">Path</label>
        <Input id="users-path" data-testid="users-path" placeholder="/ (all paths)" value={path} onChange={(e) => setPath(e.target.value)} className="w-44 font-mono text-[13px]" />
      </div>
    </div>
  );
}
