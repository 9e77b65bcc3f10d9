"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { UserRound } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Pagination } from "@/components/ui/pagination";
import { NameAndPathToolbar } from "@/components/ui/list-toolbar";
import { UsersTable } from "./users-table";
import { CreateUserButton } from "./create-user-button";
import { readUsersListState, toUsers } from "./routes";
import { useUsersQuery } from "./user-queries";

export function UsersList() {
  const state = readUsersListState(useSearchParams());
  const { data, error, isPending, isFetching, refetch } = useUsersQuery(state);
  const filtered = !!(state.search || state.path);
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card" aria-busy={isFetching}>
      <NameAndPathToolbar noun="users" applied={state} toHref={(filters) => toUsers({ ...state, ...filters, page: 1 })} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load users" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" role="status" aria-label="Loading users">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No users match" action={<Link className={buttonClass("secondary", "sm")} href={toUsers()}>Clear filters</Link>}>
            Nothing in this account matches {state.search && <>“{state.search}”</>} {state.path && <>under path <code>{state.path}</code></>}.
          </EmptyState>
        ) : (
          <EmptyState icon={<UserRound aria-hidden className="size-5" />} title="No IAM users in this account yet" action={<CreateUserButton size="sm" hideWhenReadOnly testId="create-user-empty" />}>
            An IAM user is a long-term identity. Give it access keys to call the AWS API here with the AWS CLI or an SDK.
          </EmptyState>
        )
      ) : (
        <>
          <UsersTable users={data.items} state={state} />
          <div className="border-t border-border">
            <Pagination label="Users pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => toUsers({ ...state, page })} />
          </div>
        </>
      )}
    </div>
  );
}
