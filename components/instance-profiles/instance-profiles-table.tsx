"use client";
import Link from "next/link";
import { Trash2 } from "lucide-react";
import { Table, SortTh, Th, Td, Tr } from "@/components/ui/table";
import { sortHeaders, type ListSort } from "@/components/ui/list-sort";
import { Button } from "@/components/ui/button";
import { CopyableCode } from "@/components/ui/summary-grid";
import { formatDate } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { toRole } from "@/components/roles/routes";
import type { InstanceProfileSort } from "@/lib/domain/list-sorts";
import { toInstanceProfiles, type InstanceProfilesListState } from "./routes";
import type { InstanceProfileDto } from "./instance-profile-queries";

export function InstanceProfilesTable({ profiles, state, onDelete }: {
  profiles: InstanceProfileDto[];
  state: InstanceProfilesListState & ListSort<InstanceProfileSort>;
  onDelete: (p: InstanceProfileDto) => void;
}) {
  const readOnly = useReadOnlyReason();
  const sortBy = sortHeaders(state, (next) => toInstanceProfiles({ ...state, ...next }));
  return (
    <Table label="Instance profiles" testId="instance-profiles-table">
      <thead>
        <tr>
          <SortTh label="Instance profile" {...sortBy("name")} />
          <Th>Role</Th>
          <SortTh label="Created" {...sortBy("createdAt")} className="w-36" />
          <Th className="w-24"><span className="sr-only">Actions</span></Th>
        </tr>
      </thead>
      <tbody>
        {profiles.map((p) => (
          <Tr key={p.id} testId="instance-profile-row">
            <Td>
              <p className="font-medium" data-testid="instance-profile-name">{p.name}</p>
              <div className="max-w-xl text-fg-muted"><CopyableCode value={p.arn} label={`ARN of ${p.name}`} truncate /></div>
            </Td>
            <Td className="text-[13px]">
              {p.roles.length ? (
                p.roles.map((r) => <Link key={r.id} href={toRole({ name: r.name })} className="font-medium text-accent hover:underline" data-testid="instance-profile-role">{r.name}</Link>)
              ) : (
                <span className="text-fg-muted">No role</span>
              )}
            </Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(p.createdAt)}</Td>
            <Td className="text-right">
              <Button size="sm" variant="ghost" icon={<Trash2 aria-hidden className="size-4" />} disabledReason={readOnly} onClick={() => onDelete(p)} aria-label={`Delete ${p.name}`} data-testid="delete-instance-profile">
                Delete
              </Button>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
