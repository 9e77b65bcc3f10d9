"use client";
import Link from "next/link";
import { Waypoints } from "lucide-react";
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { AccessTable, type AccessRow } from "./access-table";
import { useRoleAccessQuery, useUserAccessQuery } from "./access-queries";
import { toAccessGraph } from "./graph/graph-queries";

/**
 * The Access tab of a role or user page: who can assume the role and what the principal can assume, directly and
 * through chains of roles. Roleplane's own analysis, decided with the same rules as STS; AWS has no such view.
 */
const analysisTitle = (text: string) => <span className="flex items-center gap-2">{text} <Badge tone="accent">Roleplane analysis</Badge></span>;

const ANALYSIS_NOTE = (
  <>
    Roleplane&apos;s analysis, beyond AWS: every principal in this Roleplane, decided as STS decides AssumeRole (trust policy, identity and group
    policies, permissions boundary, explicit denies). Conditions are what the request itself must carry (MFA, external ID, session name or tags,
    source IP, a token&apos;s claims); a conditional row comes with a request STS grants.
  </>
);

export function whoRows(who: WhoCanAssume, roleArn: string): AccessRow[] {
  return [
    ...who.direct.map((d) => ({ subject: d.principal.arn, kind: d.principal.kind, path: [d.principal.arn, roleArn], conditional: d.conditions.length > 0, direct: d })),
    ...who.chains.map((c) => ({ subject: c.principal.arn, kind: c.principal.kind, path: c.path, conditional: c.conditional })),
  ];
}

export function canRows(can: CanAssume, principalArn: string): AccessRow[] {
  return [
    ...can.direct.map((d) => ({ subject: d.roleArn, kind: "role", path: [principalArn, d.roleArn], conditional: d.conditions.length > 0, direct: d })),
    ...can.chains.map((c) => ({ subject: c.roleArn, kind: "role", path: c.path, conditional: c.conditional })),
  ];
}

function Loading({ what }: { what: string }) {
  return <div className="p-4" role="status" aria-label={what}><Skeleton className="h-16" /></div>;
}

export function RoleAccessTab({ name }: { name: string }) {
  const { data, error, refetch } = useRoleAccessQuery(name);
  return (
    <div className="flex flex-col gap-5">
      <Card
        padded={false}
        title={analysisTitle("Who can assume this role")}
        description={ANALYSIS_NOTE}
        actions={data && <Link href={toAccessGraph({ node: data.arn })} data-testid="show-in-graph" className={buttonClass("secondary", "sm")}><Waypoints aria-hidden className="size-3.5" />Show in graph</Link>}
      >
        {error ? <div className="p-4"><ErrorState title="Could not analyse this role" message={error.message} onRetry={() => refetch()} /></div>
          : !data ? <Loading what="Analysing who can assume this role" />
          : <AccessTable rows={whoRows(data.whoCanAssume, data.arn)} label="Principals that can assume this role" subjectHeading="Principal" testId="who-can-assume" />}
      </Card>
      <Card padded={false} title={analysisTitle("What this role can assume")} description="Roles a session of this role can assume (role chaining), directly and through further roles.">
        {error ? null : !data ? <Loading what="Analysing what this role can assume" />
          : <AccessTable rows={canRows(data.canAssume, data.arn)} label="Roles this role can assume" subjectHeading="Role" testId="can-assume" />}
      </Card>
    </div>
  );
}

export function UserAccessTab({ name }: { name: string }) {
  const { data, error, refetch } = useUserAccessQuery(name);
  return (
    <Card padded={false} title={analysisTitle("What this user can assume")} description={ANALYSIS_NOTE}>
      {error ? <div className="p-4"><ErrorState title="Could not analyse this user" message={error.message} onRetry={() => refetch()} /></div>
        : !data ? <Loading what="Analysing what this user can assume" />
        : <AccessTable rows={canRows(data.canAssume, data.arn)} label="Roles this user can assume" subjectHeading="Role" testId="can-assume" />}
    </Card>
  );
}
