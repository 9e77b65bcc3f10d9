import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { Table, SortTh, Th, Td, Tr } from "@/components/ui/table";
import { sortHeaders, type ListSort } from "@/components/ui/list-sort";
import type { RoleSort } from "@/lib/domain/list-sorts";
import { Badge } from "@/components/ui/badge";
import { serviceLinkedServiceName } from "@/lib/domain/service-linked-roles";
import { formatDate, formatDateTime, formatRelative } from "@/components/format";
import { toRole, toRoles, type RolesListState } from "./routes";
import { trustedEntities } from "./trusted-entities";
import type { RoleListItemDto } from "./role-queries";

export function RolesTable({ roles, state }: { roles: RoleListItemDto[]; state: RolesListState & ListSort<RoleSort> }) {
  const sortBy = sortHeaders(state, (next) => toRoles({ ...state, ...next }));
  return (
    <Table label="Roles" testId="roles-table">
      <thead>
        <tr>
          <SortTh label="Role name" {...sortBy("name")} />
          <Th>Trusted entities</Th>
          <SortTh label="Created" {...sortBy("createdAt")} className="w-36" />
          <SortTh label="Last activity" {...sortBy("lastUsedAt")} className="w-40" />
        </tr>
      </thead>
      <tbody>
        {roles.map((r) => (
          <Tr key={r.id} testId="role-row">
            <Td>
              <div className="flex items-center gap-2">
                <Link href={toRole({ name: r.name })} className="font-medium text-accent hover:underline" data-testid="role-link">
                  {r.name}
                </Link>
                {r.serviceLinkedService && (
                  <Badge tone="warning" icon={<ShieldCheck aria-hidden className="size-3" />}><span data-testid="role-slr-badge">Service-linked role</span></Badge>
                )}
              </div>
              <p className="mt-0.5 max-w-md truncate text-xs text-fg-subtle">
                {r.serviceLinkedService ? (
                  <span className="mr-2" data-testid="role-slr-service">Linked to {serviceLinkedServiceName(r.serviceLinkedService)}</span>
                ) : (
                  r.path !== "/" && <span className="mr-2 font-mono">{r.path}</span>
                )}
                {r.description}
              </p>
            </Td>
            <Td className="text-[13px] text-fg-muted">
              <TrustedEntitiesCell document={r.trustPolicy} />
            </Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(r.createdAt)}</Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">
              <span title={r.lastUsedAt ? `Last assumed ${formatDateTime(r.lastUsedAt)}` : "Not assumed since it was created"} data-testid="role-last-activity">{formatRelative(r.lastUsedAt)}</span>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

function TrustedEntitiesCell({ document }: { document: string }) {
  const entities = trustedEntities(document);
  if (!entities.length) return <span className="text-fg-subtle">—</span>;
  const [first, ...rest] = entities;
  const kind = { service: "AWS service", account: "AWS account", principal: "Principal", federated: "Identity provider", anyone: "Anyone" }[first.kind];
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      <span className="text-fg-subtle">{kind}:</span>
      <span className="max-w-56 truncate font-mono text-xs text-fg">{first.label}</span>
      {rest.length > 0 && <Badge>+{rest.length}</Badge>}
    </span>
  );
}
