"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { UsersRound } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Pagination } from "@/components/ui/pagination";
import { NameAndPathToolbar } from "@/components/ui/list-toolbar";
import { GroupsTable } from "./groups-table";
import { CreateGroupButton } from "./create-group-button";
import { readGroupsListState, toGroups } from "./routes";
import { useGroupsQuery } from "./group-queries";

export function GroupsList() {
  const state = readGroupsListState(useSearchParams());
  const { data, error, isPending, isFetching, refetch } = useGroupsQuery(state);
  const filtered = !!(state.search || state.path);
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card" aria-busy={isFetching}>
      <NameAndPathToolbar noun="groups" applied={state} toHref={(filters) => toGroups({ ...state, ...filters, page: 1 })} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load groups" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" aria-label="Loading groups">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No groups match" action={<Link className={buttonClass("secondary", "sm")} href={toGroups()}>Clear filters</Link>}>
            Nothing in this account matches {state.search && <>“{state.search}”</>} {state.path && <>under path <code>{state.path}</code></>}.
          </EmptyState>
        ) : (
          <EmptyState icon={<UsersRound aria-hidden className="size-5" />} title="No IAM groups in this account yet" action={<CreateGroupButton size="sm" hideWhenReadOnly testId="create-group-empty" />}>
            A group gives the same policies to many users at once: attach policies to the group, then add users to it.
          </EmptyState>
        )
      ) : (
        <>
          <GroupsTable groups={data.items} state={state} />
          <div className="border-t border-border">
            <Pagination label="Groups pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => toGroups({ ...state, page })} />
          </div>
        </>
      )}
    </div>
  );
}
