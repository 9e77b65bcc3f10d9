"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { KeyRound, Plus } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Pagination } from "@/components/ui/pagination";
import { NameAndPathToolbar } from "@/components/ui/list-toolbar";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { RolesTable } from "./roles-table";
import { readRolesListState, toNewRole, toRoles } from "./routes";
import { useRolesQuery } from "./role-queries";

export function RolesList() {
  const state = readRolesListState(useSearchParams());
  const { data, error, isPending, isFetching, refetch } = useRolesQuery(state);
  const filtered = !!(state.search || state.path);
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card" aria-busy={isFetching}>
      <NameAndPathToolbar noun="roles" applied={state} toHref={(filters) => toRoles({ ...state, ...filters, page: 1 })} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load roles" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" role="status" aria-label="Loading roles">
          {Array.from({ length: 6 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No roles match" action={<Link className={buttonClass("secondary", "sm")} href={toRoles()}>Clear filters</Link>}>
            Nothing in this account matches {state.search && <>“{state.search}”</>} {state.path && <>under path <code>{state.path}</code></>}.
          </EmptyState>
        ) : (
          <NoRolesYet />
        )
      ) : (
        <>
          <RolesTable roles={data.items} state={state} />
          <div className="border-t border-border">
            <Pagination label="Roles pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => toRoles({ ...state, page })} />
          </div>
        </>
      )}
    </div>
  );
}

function NoRolesYet() {
  const readOnly = useReadOnlyReason();
  return (
    <EmptyState
      icon={<KeyRound aria-hidden className="size-5" />}
      title="No roles in this account yet"
      action={!readOnly && <Link className={buttonClass("primary", "sm")} href={toNewRole()}><Plus aria-hidden className="size-4" />Create role</Link>}
    >
      A role is an identity that people, services and other accounts assume to get temporary credentials. Its trust policy says who may assume it.
    </EmptyState>
  );
}
