"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Search } from "lucide-react";
import { Input, Select } from "@/components/ui/input";
import { toPolicies, type PoliciesListState, type PolicyTypeFilter } from "./routes";

/** Search and type filter write to the URL, so the server does the filtering and the view is linkable. */
export function PoliciesToolbar({ state }: { state: PoliciesListState }) {
  const router = useRouter();
  const [search, setSearch] = useState(state.search ?? "");

  useEffect(() => {
    if (search === (state.search ?? "")) return;
    const t = setTimeout(() => router.replace(toPolicies({ ...state, search, page: 1 }), { scroll: false }), 250);
    return () => clearTimeout(t);
  }, [search, state, router]);

  return (
    <div className="flex flex-wrap items-center gap-3 border-b border-border p-3">
      <div className="relative min-w-56 flex-1">
        <Search aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-subtle" />
        <label htmlFor="policies-search" className="sr-only">Search policies by name</label>
        <Input id="policies-search" data-testid="policies-search" type="search" placeholder="Search policies by name" value={search} onChange={(e) => setSearch(e.target.value)} className="pl-9" />
      </div>
      <div className="flex items-center gap-2">
        <label htmlFor="policies-type" className="text-[13px] font-medium text-fg-muted">Type</label>
        <Select id="policies-type" data-testid="policies-type" value={state.type ?? "all"} className="w-48"
          onChange={(e) => router.replace(toPolicies({ ...state, search, type: e.target.value as PolicyTypeFilter, page: 1 }), { scroll: false })}>
          <option value="all">All types</option>
          <option value="aws">AWS managed</option>
          <option value="customer">Customer managed</option>
        </Select>
      </div>
    </div>
  );
}
