"use client";
import { useState } from "react";
import Link from "next/link";
import { UserPlus, UsersRound } from "lucide-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Pagination } from "@/components/ui/pagination";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDate } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { toUser } from "@/components/users/routes";
import { useRemoveMemberMutation, type GroupDto, type MembersPage } from "../group-queries";
import { toGroup } from "../routes";
import { AddMembersDialog } from "./add-members-dialog";

/** The group's users (GetGroup), a page at a time with the page in the URL; add and remove them here. */
export function MembersTab({ group, members }: { group: GroupDto; members: UseQueryResult<MembersPage, Error> }) {
  const readOnly = useReadOnlyReason();
  const remove = useRemoveMemberMutation();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const { data, error, refetch } = members;

  const onRemove = (user: string) =>
    remove.mutateAsync({ group: group.name, user }).then(
      () => toast({ tone: "success", title: `Removed ${user} from ${group.name}` }),
      (e: Error) => toast({ tone: "error", title: `Could not remove ${user}`, message: e.message }),
    );
  const addButton = (testId: string) => (
    <Button size="sm" variant="primary" icon={<UserPlus aria-hidden className="size-4" />} onClick={() => setAdding(true)} disabledReason={readOnly} data-testid={testId}>Add users</Button>
  );

  return (
    <Card padded={false} title="Users in this group" description="Each user gets the group's policies on top of its own, within its permissions boundary." actions={addButton("add-group-members")}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.total === 0 ? (
        <EmptyState icon={<UsersRound aria-hidden className="size-5" />} title="No users in this group">
          Add users to give them this group&apos;s policies.
        </EmptyState>
      ) : (
        <>
          <Table label="Users in this group" testId="group-members">
            <thead><tr><Th>User</Th><Th className="w-40">Path</Th><Th className="w-36">Added</Th><Th className="w-28"><span className="sr-only">Actions</span></Th></tr></thead>
            <tbody>
              {data.items.map((u) => (
                <Tr key={u.id} testId="group-member-row">
                  <Td>
                    <Link href={toUser({ name: u.name, tab: "groups" })} className="font-medium text-accent hover:underline" data-testid="group-member-link">{u.name}</Link>
                    <p className="font-mono text-[11px] text-fg-subtle">{u.arn}</p>
                  </Td>
                  <Td className="font-mono text-[12.5px] text-fg-muted">{u.path}</Td>
                  <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(u.addedAt)}</Td>
                  <Td className="text-right">
                    <Button size="sm" variant="ghost" disabledReason={readOnly} loading={remove.isPending && remove.variables?.user === u.name} onClick={() => onRemove(u.name)} aria-label={`Remove ${u.name} from the group`} data-testid="remove-group-member">Remove</Button>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <div className="border-t border-border">
            <Pagination label="Members pages" page={data.page} pageSize={data.pageSize} total={data.total} hrefFor={(p) => toGroup({ name: group.name, page: p })} />
          </div>
        </>
      )}
      <AddMembersDialog group={group} open={adding} onClose={() => setAdding(false)} memberNames={data?.items.map((u) => u.name) ?? []} />
    </Card>
  );
}
