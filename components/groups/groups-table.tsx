import Link from "next/link";
import { Table, SortTh, Th, Td, Tr } from "@/components/ui/table";
import { sortHeaders, type ListSort } from "@/components/ui/list-sort";
import { formatDate } from "@/components/format";
import type { GroupSort } from "@/lib/domain/list-sorts";
import { toGroup, toGroups, type GroupsListState } from "./routes";
import type { GroupListItemDto } from "./group-queries";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString()} ${n === 1 ? one : many}`;

export function GroupsTable({ groups, state }: { groups: GroupListItemDto[]; state: GroupsListState & ListSort<GroupSort> }) {
  const sortBy = sortHeaders(state, (next) => toGroups({ ...state, ...next }));
  return (
    <Table label="Groups" testId="groups-table">
      <thead>
        <tr>
          <SortTh label="Group name" {...sortBy("name")} />
          <Th className="w-40">Path</Th>
          <Th className="w-28">Users</Th>
          <Th className="w-48">Policies</Th>
          <SortTh label="Created" {...sortBy("createdAt")} className="w-36" />
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <Tr key={g.id} testId="group-row">
            <Td>
              <Link href={toGroup({ name: g.name })} className="font-medium text-accent hover:underline" data-testid="group-link">{g.name}</Link>
              <p className="mt-0.5 max-w-md truncate font-mono text-[11px] text-fg-subtle">{g.arn}</p>
            </Td>
            <Td className="font-mono text-[12.5px] text-fg-muted">{g.path}</Td>
            <Td className="text-[13px] tabular-nums"><span data-testid="group-member-count" className={g.memberCount ? undefined : "text-fg-subtle"}>{g.memberCount ? plural(g.memberCount, "user", "users") : "None"}</span></Td>
            <Td className="text-[13px] text-fg-muted tabular-nums">{g.attachedPolicyCount} managed · {g.inlinePolicyCount} inline</Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(g.createdAt)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
