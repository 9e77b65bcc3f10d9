"use client";
import Link from "next/link";
import { Link2, KeyRound, UserRound, UsersRound } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { toRole } from "@/components/roles/routes";
import { toUser } from "@/components/users/routes";
import { toGroup } from "@/components/groups/routes";
import { usePolicyEntitiesQuery, type PolicyDetailDto, type PolicyRef } from "../policy-queries";

const KIND_ICONS = { Role: KeyRound, User: UserRound, Group: UsersRound };

/** The roles, users and groups of this account the policy is attached to (ListEntitiesForPolicy). */
export function PolicyEntitiesTab({ policy, policyRef }: { policy: PolicyDetailDto; policyRef: PolicyRef }) {
  const { data, error, refetch } = usePolicyEntitiesQuery(policyRef);
  const rows = data
    ? [
        ...data.roles.map((r) => ({ ...r, kind: "Role" as const, href: toRole({ name: r.name }) })),
        ...data.users.map((u) => ({ ...u, kind: "User" as const, href: toUser({ name: u.name }) })),
        ...data.groups.map((g) => ({ ...g, kind: "Group" as const, href: toGroup({ name: g.name, tab: "permissions" }) })),
      ].map((r) => ({ ...r, Icon: KIND_ICONS[r.kind] }))
    : [];
  return (
    <Card padded={false} title="Entities attached" description={`Roles, users and groups in this account that get permissions from ${policy.name}; a group's users get them through it.`}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : rows.length === 0 ? (
        <EmptyState icon={<Link2 aria-hidden className="size-5" />} title="Not attached to anything">
          {policy.permissionsBoundaryUsageCount > 0 ? `It is used as a permissions boundary by ${policy.permissionsBoundaryUsageCount} ${policy.permissionsBoundaryUsageCount === 1 ? "entity" : "entities"}.` : "Attach it from a role's, a user's or a group's Permissions tab."}
        </EmptyState>
      ) : (
        <Table label="Entities attached" testId="policy-entities">
          <thead><tr><Th>Name</Th><Th className="w-32">Type</Th></tr></thead>
          <tbody>
            {rows.map(({ id, href, kind, name, Icon }) => (
              <Tr key={id} testId="policy-entity-row">
                <Td>
                  <Link href={href} className="inline-flex items-center gap-2 font-medium text-accent hover:underline">
                    <Icon aria-hidden className="size-4" />
                    {name}
                  </Link>
                </Td>
                <Td><Badge>{kind}</Badge></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
