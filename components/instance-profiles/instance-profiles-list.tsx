"use client";
import { useState } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { Server } from "lucide-react";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Pagination } from "@/components/ui/pagination";
import { NameAndPathToolbar } from "@/components/ui/list-toolbar";
import { InstanceProfilesTable } from "./instance-profiles-table";
import { CreateInstanceProfileButton } from "./create-instance-profile-button";
import { DeleteInstanceProfileDialog } from "./delete-instance-profile-dialog";
import { readInstanceProfilesListState, toInstanceProfiles } from "./routes";
import { useInstanceProfilesQuery, type InstanceProfileDto } from "./instance-profile-queries";

export function InstanceProfilesList() {
  const state = readInstanceProfilesListState(useSearchParams());
  const { data, error, isPending, isFetching, refetch } = useInstanceProfilesQuery(state);
  const [deleting, setDeleting] = useState<InstanceProfileDto | null>(null);
  const filtered = !!(state.search || state.path);
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card" aria-busy={isFetching}>
      <NameAndPathToolbar noun="instance-profiles" label="instance profiles" applied={state} toHref={(filters) => toInstanceProfiles({ ...state, ...filters, page: 1 })} />
      {error ? (
        <div className="p-4"><ErrorState title="Could not load instance profiles" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" role="status" aria-label="Loading instance profiles">
          {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.items.length === 0 ? (
        filtered ? (
          <EmptyState title="No instance profiles match" action={<Link className={buttonClass("secondary", "sm")} href={toInstanceProfiles()}>Clear filters</Link>}>
            Nothing in this account matches {state.search && <>“{state.search}”</>} {state.path && <>under path <code>{state.path}</code></>}.
          </EmptyState>
        ) : (
          <EmptyState icon={<Server aria-hidden className="size-5" />} title="No instance profiles in this account yet" action={<CreateInstanceProfileButton size="sm" hideWhenReadOnly testId="create-instance-profile-empty" />}>
            An instance profile hands one role to the EC2 instances it is attached to, so software on them gets the role&apos;s temporary credentials.
          </EmptyState>
        )
      ) : (
        <>
          <InstanceProfilesTable profiles={data.items} state={state} onDelete={setDeleting} />
          <div className="border-t border-border">
            <Pagination label="Instance profiles pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(page) => toInstanceProfiles({ ...state, page })} />
          </div>
        </>
      )}
      {deleting && <DeleteInstanceProfileDialog profile={deleting} open onClose={() => setDeleting(null)} />}
    </div>
  );
}
