"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { FileText } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Pagination } from "@/components/ui/pagination";
import { PoliciesToolbar } from "./policies-toolbar";
import { PoliciesTable } from "./policies-table";
import { CreatePolicyButton } from "./create-policy-button";
import { readPoliciesListState, SCOPE_OF_TYPE, toPolicies } from "./routes";
import { usePoliciesQuery } from "./policy-queries";

const PAGE_SIZE = 25;

export function PoliciesList() {
  const state = readPoliciesListState(useSearchParams());
  const { data, error, isPending, isFetching, refetch } = usePoliciesQuery({
    search: state.search,
    scope: SCOPE_OF_TYPE[state.type],
    sort: state.sort,
    order: state.order,
    page: state.page,
    pageSize: PAGE_SIZE,
  });
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card" aria-busy={isFetching}>
      <PoliciesToolbar state={state} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load policies" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" role="status" aria-label="Loading policies">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.items.length === 0 ? (
        state.search ? (
          <EmptyState title="No policies match" action={<Link className={buttonClass("secondary", "sm")} href={toPolicies({ type: state.type })}>Clear search</Link>}>
            No {state.type === "aws" ? "AWS managed " : state.type === "customer" ? "customer managed " : ""}policy matches “{state.search}”.
          </EmptyState>
        ) : (
          <EmptyState icon={<FileText aria-hidden className="size-5" />} title="No customer managed policies yet" action={<CreatePolicyButton size="sm" hideWhenReadOnly />}>
            Write your own policy when AWS&apos;s managed ones grant too much or too little. It can be attached to any role or user in this account.
          </EmptyState>
        )
      ) : (
        <>
          <PoliciesTable policies={data.items} state={state} />
          <div className="border-t border-border">
            <Pagination label="Policies pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => toPolicies({ ...state, page })} />
          </div>
        </>
      )}
    </div>
  );
}
