import Link from "next/link";
import { Table, SortTh, Th, Td, Tr } from "@/components/ui/table";
import { sortHeaders, type ListSort } from "@/components/ui/list-sort";
import type { PolicySort } from "@/lib/domain/list-sorts";
import { PolicyTypeBadge } from "./policy-type-badge";
import { toPolicies, toPolicy, type PoliciesListState } from "./routes";
import type { ManagedPolicyDto } from "./policy-queries";

export function PoliciesTable({ policies, state }: { policies: ManagedPolicyDto[]; state: PoliciesListState & ListSort<PolicySort> }) {
  const sortBy = sortHeaders(state, (next) => toPolicies({ ...state, ...next }));
  return (
    <Table label="Managed policies" testId="policies-table">
      <thead>
        <tr>
          <SortTh label="Policy name" {...sortBy("name")} />
          <SortTh label="Type" {...sortBy("type")} className="w-40" />
          <Th className="w-32 text-right">Attached to</Th>
          <Th>Description</Th>
        </tr>
      </thead>
      <tbody>
        {policies.map((p) => (
          <Tr key={p.arn} testId="policy-row">
            <Td>
              <Link href={toPolicy({ name: p.name, scope: p.awsManaged ? "aws" : "local" })} className="font-medium break-all text-accent hover:underline" data-testid="policy-link">{p.name}</Link>
              {p.path !== "/" && <p className="mt-0.5 font-mono text-[11px] text-fg-subtle">{p.path}</p>}
            </Td>
            <Td><PolicyTypeBadge awsManaged={p.awsManaged} /></Td>
            <Td className="text-right text-[13px] tabular-nums text-fg-muted" >
              <span data-testid="policy-attachment-count">{p.attachmentCount}</span> {p.attachmentCount === 1 ? "entity" : "entities"}
            </Td>
            <Td className="max-w-md text-[13px] text-fg-muted"><p className="line-clamp-2">{p.description ?? "—"}</p></Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
