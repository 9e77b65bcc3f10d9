"use client";
import Link from "next/link";
import { Send } from "lucide-react";
import type { PassRoleGrant } from "@/lib/access/pass-role";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { toPolicyByArn } from "@/components/policies/routes";
import { toUser } from "@/components/users/routes";
import { toRole } from "../routes";
import { usePassRoleQuery, type RoleDto } from "../role-queries";

/**
 * Which principals of the account may pass this role to which AWS service (iam:PassRole with
 * iam:PassedToService), with the statement that allows it. Roleplane's own analysis: AWS decides PassRole one
 * request at a time and offers no such view.
 */
export function PassRoleCard({ role }: { role: RoleDto }) {
  const title = <span className="flex items-center gap-2">Who can pass this role <Badge tone="accent">Roleplane analysis</Badge></span>;
  if (role.serviceLinkedService)
    return (
      <Card title={title}>
        <p className="text-[13px] text-fg-muted" data-testid="pass-role-slr">Nobody passes a service-linked role: its service assumes it directly.</p>
      </Card>
    );
  return (
    <Card padded={false} title={title}
      description={<>
        IAM users and roles of this account whose identity-based policies, within their permissions boundary, allow <code className="font-mono">iam:PassRole</code> on
        this role with <code className="font-mono">iam:PassedToService</code> set to each service its trust policy names. This goes beyond AWS, which checks one
        request at a time. Keys only a live request has (source IP, MFA, time) are left unset, so statements that need them do not count.
      </>}>
      <PassRoleTable name={role.name} />
    </Card>
  );
}

function PassRoleTable({ name }: { name: string }) {
  const { data, error, refetch } = usePassRoleQuery(name);
  if (error) return <div className="p-4"><ErrorState title="Could not analyse PassRole" message={error.message} onRetry={() => refetch()} /></div>;
  if (!data) return <div className="p-4" role="status" aria-label="Analysing who can pass this role"><Skeleton className="h-16" /></div>;
  if (data.services.length === 0)
    return (
      <EmptyState icon={<Send aria-hidden className="size-5" />} title="No AWS service may assume this role">
        Its trust policy names no service principal, so there is no service to pass it to.
      </EmptyState>
    );
  if (data.grants.length === 0)
    return (
      <EmptyState icon={<Send aria-hidden className="size-5" />} title="No principal may pass this role" >
        None of the {data.principalsChecked} users and roles checked may pass it to {data.services.join(", ")}.
      </EmptyState>
    );
  return (
    <>
      <Table label="Principals that may pass this role" testId="pass-role-table">
        <thead><tr><Th>Principal</Th><Th>Passes it to</Th><Th>Allowed by</Th></tr></thead>
        <tbody>
          {data.grants.map((g) => (
            <Tr key={`${g.principal.arn}|${g.service}`} testId="pass-role-row">
              <Td>
                <span className="flex items-center gap-2">
                  <Badge>{g.principal.kind === "user" ? "User" : "Role"}</Badge>
                  <Link href={g.principal.kind === "user" ? toUser({ name: g.principal.name }) : toRole({ name: g.principal.name })} className="font-medium text-accent hover:underline" data-testid="pass-role-principal">
                    {g.principal.name}
                  </Link>
                </span>
              </Td>
              <Td><code className="font-mono text-[12.5px]" data-testid="pass-role-service">{g.service}</code></Td>
              <Td className="text-[13px]"><DecidingStatement grant={g} /></Td>
            </Tr>
          ))}
        </tbody>
      </Table>
      <p className="border-t border-border px-5 py-2.5 text-xs text-fg-muted">
        {data.grants.length} {data.grants.length === 1 ? "grant" : "grants"} among {data.principalsChecked} users and roles, for {data.services.join(", ")}.
      </p>
    </>
  );
}

function DecidingStatement({ grant }: { grant: PassRoleGrant }) {
  const s = grant.allowedBy;
  const statement = s.sid ? `statement “${s.sid}”` : `statement ${s.statementIndex + 1}`;
  return (
    <span data-testid="pass-role-allowed-by">
      {s.policyArn ? <Link href={toPolicyByArn(s.policyArn)} className="text-accent underline underline-offset-2">{s.policyName}</Link> : <span>{s.policyName} <span className="text-fg-muted">(inline)</span></span>}
      <span className="text-fg-muted">, {statement}</span>
      {grant.boundaryArn && <span className="block text-xs text-fg-muted">within boundary {grant.boundaryArn.replace(/^arn:aws:iam::(aws|\d{12}):policy/, "")}</span>}
    </span>
  );
}
