import Link from "next/link";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { formatDate, formatRelative } from "@/components/format";
import { LIMITS } from "@/lib/iam/schemas";
import { toUser } from "./routes";
import type { UserListItemDto } from "./user-queries";

export function UsersTable({ users }: { users: UserListItemDto[] }) {
  return (
    <Table label="Users" testId="users-table">
      <thead>
        <tr>
          <Th>User name</Th>
          <Th className="w-40">Path</Th>
          <Th className="w-36">Created</Th>
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
