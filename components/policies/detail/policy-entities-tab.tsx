"use client";
import Link from "next/link";
import { Link2, KeyRound, UserRound } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { toRole } from "@/components/roles/routes";
import { toUser } from "@/components/users/routes";
import { usePolicyEntitiesQuery, type PolicyDetailDto, type PolicyRef } from "../policy-queries";

/** The roles and users of this account the policy is attached to (ListEntitiesForPolicy). */
export function PolicyEntitiesTab({ policy, policyRef }: { policy: PolicyDetailDto; policyRef: PolicyRef }) {
  const { data, error, refetch } = usePolicyEntitiesQuery(policyRef);
  const rows = data ? [...data.roles.map((r) => ({ ...r, kind: "Role" as const, href: toRole({ name: r.name }) })), ...data.users.map((u) => ({ ...u, kind: "User" as const, href: toUser({ name: u.name }) }))] : [];
  return (
    <Card padded={false} title="Entities attached" description={`Roles and users in this account that get permissions from ${policy.name}.`}>
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : rows.length === 0 ? (
        <EmptyState icon={<Link2 aria-hidden className="size-5" />} title="Not attached to anything">
          {policy.permissionsBoundaryUsageCount > 0 ? `It is used as a permissions boundary by ${policy.permissionsBoundaryUsageCount} ${policy.permissionsBoundaryUsageCount === 1 ? "entity" : "entities"}.` : "Attach it from a role's or a user's Permissions tab."}
        </EmptyState>
      ) : (
        <Table label="Entities attached" testId="policy-entities">
          <thead><tr><Th>Name</Th><Th className="w-32">Type</Th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <Tr key={r.id} testId="policy-entity-row">
                <Td>
                  <Link href={r.href} className="inline-flex items-center gap-2 font-medium text-accent hover:underline">
                    {r.kind === "Role" ? <KeyRound aria-hidden className="size-4" /> : <UserRound aria-hidden className="size-4" />}
                    {r.name}
                  </Link>
                </Td>
                <Td><Badge>{r.kind}</Badge></Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
