"use client";
import Link from "next/link";
import { UsersRound } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { toPolicyByArn } from "@/components/policies/routes";
import { toGroup } from "@/components/groups/routes";
import { useUserGroupPoliciesQuery } from "@/components/groups/group-queries";
import { toUser } from "../routes";

/**
 * The policies a user holds through its groups. IAM evaluates them as the user's own, within its boundary; they
 * are changed on the group's page, so here they are read-only.
 */
export function GroupPoliciesCard({ userName }: { userName: string }) {
  const { data, error, refetch } = useUserGroupPoliciesQuery(userName);
  return (
    <Card padded={false} title="Policies from groups" description="Granted through the user's groups, on top of its own policies. Change them on the group's page.">
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-16" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<UsersRound aria-hidden className="size-5" />} title="No policies from groups">
          <Link href={toUser({ name: userName, tab: "groups" })} className="text-accent underline underline-offset-2">Add the user to a group</Link> to give it the group&apos;s policies.
        </EmptyState>
      ) : (
        <Table label="Policies from groups" testId="user-group-policies">
          <thead><tr><Th>Policy</Th><Th className="w-40">Type</Th><Th className="w-64">Group</Th></tr></thead>
          <tbody>
            {data.map((p) => {
              const aws = p.policyArn?.startsWith("arn:aws:iam::aws:");
              return (
                <Tr key={`${p.groupArn} ${p.policyArn ?? p.policyName}`} testId="user-group-policy-row">
                  <Td>
                    {p.policyArn ? <Link href={toPolicyByArn(p.policyArn)} className="font-medium text-accent hover:underline">{p.policyName}</Link> : <span className="font-medium">{p.policyName}</span>}
                    {p.policyArn && <p className="font-mono text-[11px] text-fg-subtle">{p.policyArn}</p>}
                  </Td>
                  <Td><Badge tone={p.policyArn && !aws ? "accent" : "neutral"}>{!p.policyArn ? "Inline" : aws ? "AWS managed" : "Customer managed"}</Badge></Td>
                  <Td><Link href={toGroup({ name: p.groupName, tab: "permissions" })} className="text-accent hover:underline">{p.groupName}</Link></Td>
                </Tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
