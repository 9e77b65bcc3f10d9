"use client";
import { useState } from "react";
import Link from "next/link";
import { Plus, UsersRound } from "lucide-react";
import type { UseQueryResult } from "@tanstack/react-query";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDate } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { LIMITS } from "@/lib/domain/schemas";
import { toGroup } from "@/components/groups/routes";
import { useRemoveMemberMutation, type UserGroupDto } from "@/components/groups/group-queries";
import type { UserDto } from "../user-queries";
import { AddToGroupsDialog } from "./add-to-groups-dialog";

/** The groups a user belongs to (ListGroupsForUser): their policies are the user's too. */
export function UserGroupsTab({ user, groups }: { user: UserDto; groups: UseQueryResult<UserGroupDto[], Error> }) {
  const readOnly = useReadOnlyReason();
  const remove = useRemoveMemberMutation();
  const toast = useToast();
  const [adding, setAdding] = useState(false);
  const { data, error, refetch } = groups;
  const full = (data?.length ?? 0) >= LIMITS.groupsPerUser;

  const onRemove = (group: string) =>
    remove.mutateAsync({ group, user: user.name }).then(
      () => toast({ tone: "success", title: `Removed ${user.name} from ${group}` }),
      (e: Error) => toast({ tone: "error", title: `Could not remove ${user.name} from ${group}`, message: e.message }),
    );

  return (
    <Card padded={false}
      title={<span className="flex items-center gap-2">Groups <Badge tone={full ? "warning" : "neutral"}><span data-testid="user-groups-quota">{data?.length ?? 0} of {LIMITS.groupsPerUser}</span></Badge></span>}
      description={`This user gets the policies of every group it belongs to, within its permissions boundary. AWS allows up to ${LIMITS.groupsPerUser} groups per user.`}
      actions={<Button size="sm" variant="primary" icon={<Plus aria-hidden className="size-4" />} onClick={() => setAdding(true)} disabledReason={readOnly ?? (full ? `Quota reached: ${LIMITS.groupsPerUser} groups per user.` : undefined)} data-testid="add-user-to-groups">Add to groups</Button>}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<UsersRound aria-hidden className="size-5" />} title="Not in any group">
          Add the user to a group to give it the group&apos;s policies.
        </EmptyState>
      ) : (
        <Table label="Groups of this user" testId="user-groups">
          <thead><tr><Th>Group</Th><Th className="w-48">Policies</Th><Th className="w-36">Added</Th><Th className="w-28"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((g) => (
              <Tr key={g.id} testId="user-group-row">
                <Td>
                  <Link href={toGroup({ name: g.name, tab: "permissions" })} className="font-medium text-accent hover:underline" data-testid="user-group-link">{g.name}</Link>
                  <p className="font-mono text-[11px] text-fg-subtle">{g.arn}</p>
                </Td>
                <Td className="text-[13px] text-fg-muted tabular-nums">{g.attachedPolicyCount} managed · {g.inlinePolicyCount} inline</Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(g.addedAt)}</Td>
                <Td className="text-right">
                  <Button size="sm" variant="ghost" disabledReason={readOnly} loading={remove.isPending && remove.variables?.group === g.name} onClick={() => onRemove(g.name)} aria-label={`Remove from ${g.name}`} data-testid="remove-user-from-group">Remove</Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <AddToGroupsDialog user={user} open={adding} onClose={() => setAdding(false)} memberOf={data?.map((g) => g.name) ?? []} />
    </Card>
  );
}
