"use client";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { PickList, usePickState } from "@/components/ui/pick-list";
import { useToast } from "@/components/ui/toast";
import { useMutationResetOnOpen } from "@/components/ui/use-reset-on-open";
import { useUsersQuery } from "@/components/users/user-queries";
import { useAddMembersMutation, type GroupDto } from "../group-queries";

/**
 * Pick users to add to the group; they are added in one change, so a refusal (a user already in ten groups)
 * adds none. Users shown as members are those on the members page in view; adding a member again changes nothing.
 */
export function AddMembersDialog({ group, open, onClose, memberNames }: { group: GroupDto; open: boolean; onClose: () => void; memberNames: string[] }) {
  const { search, setSearch, deferred, selected, setSelected } = usePickState(open && "add");
  const users = useUsersQuery({ search: deferred, page: 1 });
  const add = useAddMembersMutation(group.name);
  const toast = useToast();
  useMutationResetOnOpen(open && "add", add);

  async function submit() {
    await add.mutateAsync(selected).then(() => {
      toast({ tone: "success", title: `Added ${selected.length} ${selected.length === 1 ? "user" : "users"} to ${group.name}` });
      onClose();
    }).catch(() => undefined);
  }

  const items = users.data?.items.map((u) => {
    const member = memberNames.includes(u.name);
    return { value: u.name, label: u.name, detail: u.arn, disabled: member, badge: member ? <Badge>Member</Badge> : undefined };
  });
  return (
    <Dialog open={open} onClose={onClose} size="lg" title={`Add users to ${group.name}`} testId="add-group-members-dialog"
      description="Each user gets the group's policies from its next request on. A user can be in up to 10 groups."
      footer={<>
        <span className="mr-auto self-center text-[13px] text-fg-muted" data-testid="add-members-selected-count">{selected.length} selected</span>
        <Button variant="ghost" onClick={onClose}>Cancel</Button>
        <Button variant="primary" onClick={submit} disabled={!selected.length} loading={add.isPending} data-testid="confirm-add-group-members">Add users</Button>
      </>}>
      <div className="flex flex-col gap-3 pb-2">
        <PickList mode="multiple" items={items} selected={selected} onChange={setSelected} search={search} onSearch={setSearch}
          label="Search users" placeholder="Search users by name" listLabel="IAM users" loading={users.isPending} error={users.error} onRetry={() => users.refetch()}
          empty={deferred ? <>No user matches “{deferred}”.</> : "There are no IAM users in this account yet."} searchTestId="user-search" resultsTestId="user-results"
          more={users.data && users.data.total > users.data.items.length && <>Showing {users.data.items.length} of {users.data.total.toLocaleString()} — refine the search to narrow it down.</>} />
        {add.error && <p role="alert" className="text-[13px] text-danger">{add.error.message}</p>}
      </div>
    </Dialog>
  );
}
