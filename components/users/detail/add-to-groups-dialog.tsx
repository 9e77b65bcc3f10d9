"use client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { PickList, usePickState } from "@/components/ui/pick-list";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen } from "@/components/ui/use-reset-on-open";
import { LIMITS } from "@/lib/domain/schemas";
import { useAddToGroupsMutation, useGroupsQuery } from "@/components/groups/group-queries";
import type { UserDto } from "../user-queries";

/** Pick groups for the user; it joins them in one change, so a refusal joins none. */
export function AddToGroupsDialog({ user, open, onClose, memberOf }: { user: UserDto; open: boolean; onClose: () => void; memberOf: string[] }) {
  const { search, setSearch, deferred, selected, setSelected } = usePickState(open && "add");
  const groups = useGroupsQuery({ search: deferred, page: 1 });
  const add = useAddToGroupsMutation(user.name);
  const toast = useToast();
  const room = LIMITS.groupsPerUser - memberOf.length;
  useMutationResetOnOpen(open && "add", add);

  async function submit() {
    await add.mutateAsync(selected).then(() => {
      toast({ tone: "success", title: `Added ${user.name} to ${selected.length} ${selected.length === 1 ? "group" : "groups"}` });
      onClose();
    }).catch(() => undefined);
  }

  const items = groups.data?.items.map((g) => {
    const member = memberOf.includes(g.name);
    return {
      value: g.name,
      label: g.name,
      detail: g.arn,
      disabled: member,
      badge: member ? <Badge>Member</Badge> : <Badge>{g.attachedPolicyCount + g.inlinePolicyCount} {g.attachedPolicyCount + g.inlinePolicyCount === 1 ? "policy" : "policies"}</Badge>,
    };
  });
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={`Add ${user.name} to groups`} testId="add-to-groups-dialog"
      description={<>The user gets each group&apos;s policies from its next request on. Room for <strong>{room}</strong> more (quota {LIMITS.groupsPerUser}).</>}
      footer={<>
        <span className={`mr-auto self-center text-[13px] ${selected.length > room ? "font-medium text-danger" : "text-fg-muted"}`} data-testid="add-to-groups-selected-count">
          {selected.length} selected{selected.length > room && ` — ${selected.length - room} over the quota`}
        </span>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={submit} disabled={!selected.length || selected.length > room} loading={add.isPending} data-testid="confirm-add-to-groups">Add to groups</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2">
        <PickList mode="multiple" items={items} selected={selected} onChange={setSelected} search={search} onSearch={setSearch}
          label="Search groups" placeholder="Search groups by name" listLabel="IAM groups" loading={groups.isPending} error={groups.error} onRetry={() => groups.refetch()}
          empty={deferred ? <>No group matches “{deferred}”.</> : "There are no groups in this account yet."} searchTestId="group-search" resultsTestId="group-results"
          more={groups.data && groups.data.total > groups.data.items.length && <>Showing {groups.data.items.length} of {groups.data.total.toLocaleString()} — refine the search to narrow it down.</>} />
        {add.error && <p role="alert" className="text-[13px] text-danger">{add.error.message}</p>}
      </div>
    </Dialog>
  );
}
