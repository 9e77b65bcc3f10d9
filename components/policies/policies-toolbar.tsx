"use client";
import { useRouter } from "next/navigation";
import { Select } from "@/components/ui/input";
import { ListFilter, ListSearch, ListToolbar, useUrlDraft } from "@/components/ui/list-toolbar";
import { toPolicies, type PoliciesListState, type PolicyTypeFilter } from "./routes";

/** Search and type filter write to the URL, so the server does the filtering and the view is linkable. */
export function PoliciesToolbar({ state }: { state: PoliciesListState }) {
  const router = useRouter();
  const [search, setSearch] = useUrlDraft(state.search ?? "", (s) => toPolicies({ ...state, search: s, page: 1 }), (a, b) => a === b);

  return (
    <ListToolbar>
      <ListSearch id="policies-search" noun="policies" value={search} onChange={setSearch} />
      <ListFilter id="policies-type" label="Type">
        <Select id="policies-type" data-testid="policies-type" value={state.type ?? "all"} className="w-48"
          onChange={(e) => router.replace(toPolicies({ ...state, search, type: e.target.value as PolicyTypeFilter, page: 1 }), { scroll: false })}>
          <option value="all">All types</option>
          <option value="aws">AWS managed</option>
          <option value="customer">Customer managed</option>
        </Select>
      </ListFilter>
    </ListToolbar>
  );
}
