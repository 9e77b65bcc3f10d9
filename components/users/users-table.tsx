import Link from "next/link";
import { Table, SortTh, Th, Td, Tr } from "@/components/ui/table";
import { sortHeaders, type ListSort } from "@/components/ui/list-sort";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatRelative } from "@/components/format";
import { LIMITS } from "@/lib/domain/schemas";
import type { UserSort } from "@/lib/domain/list-sorts";
import { toUser, toUsers, type UsersListState } from "./routes";
import type { UserListItemDto } from "./user-queries";

export function UsersTable({ users, state }: { users: UserListItemDto[]; state: UsersListState & ListSort<UserSort> }) {
  const sortBy = sortHeaders(state, (next) => toUsers({ ...state, ...next }));
  return (
    <Table label="Users" testId="users-table">
      <thead>
        <tr>
          <SortTh label="User name" {...sortBy("name")} />
          <Th className="w-40">Path</Th>
          <SortTh label="Created" {...sortBy("createdAt")} className="w-36" />
          <Th className="w-36">Access keys</Th>
          <Th className="w-40">Key last used</Th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <Tr key={u.id} testId="user-row">
            <Td>
              <Link href={toUser({ name: u.name })} className="font-medium text-accent hover:underline" data-testid="user-link">{u.name}</Link>
              <p className="mt-0.5 max-w-md truncate font-mono text-[11px] text-fg-subtle">{u.arn}</p>
            </Td>
            <Td className="font-mono text-[12.5px] text-fg-muted">{u.path}</Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(u.createdAt)}</Td>
            <Td><KeysCell count={u.accessKeys.count} active={u.accessKeys.active} /></Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{u.accessKeys.count ? formatRelative(u.accessKeys.lastUsedAt) : "—"}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function KeysCell({ count, active }: { count: number; active: number }) {
  if (!count) return <span className="text-[13px] text-fg-subtle">None</span>;
  return (
    <span className="flex items-center gap-1.5 text-[13px]" data-testid="user-key-count">
      <span className="tabular-nums">{count} of {LIMITS.accessKeysPerUser}</span>
      {active < count && <Badge tone="warning">{count - active} inactive</Badge>}
    </span>
  );
}
