"use client";
import { useMemo } from "react";
import Link from "next/link";
import { Waypoints } from "lucide-react";
import type { CanAssume, WhoCanAssume } from "@/lib/access/access-graph";
import type { DirectAccess } from "@/lib/access/assume-access";
import { evidenceKey } from "@/lib/domain/access-evidence-types";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { AccessTable, type AccessRow } from "./access-table";
import type { HopLookup } from "./access-evidence";
import { useRoleAccessQuery, useUserAccessQuery, type AccessEvidenceDto } from "./access-queries";
import { toAccessGraph } from "./graph/graph-queries";

/**
 * The Who can assume and Can assume tabs of role and user pages: who can assume the role, and what the principal
 * can assume, directly and through chains of roles. Roleplane's own analysis, decided with the same rules as STS;
 * AWS has no such view.
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

/** Each hop of a chain as the direct access that allows it, from the answer's direct rows and its hops. */
function useHops(data: { whoCanAssume?: WhoCanAssume; canAssume: CanAssume; evidence: AccessEvidenceDto } | undefined): HopLookup {
  return useMemo(() => {
    const byKey = new Map<string, DirectAccess>();
    for (const d of [...(data?.whoCanAssume?.direct ?? []), ...(data?.canAssume.direct ?? []), ...(data?.evidence.hops ?? [])]) byKey.set(evidenceKey(d.principal.arn, d.roleArn), d);
    return (from, to) => byKey.get(evidenceKey(from, to));
  }, [data]);
}

function Loading({ what }: { what: string }) {
  return <div className="p-4" role="status" aria-label={what}><Skeleton className="h-16" /></div>;
}

export function RoleWhoCanAssumeTab({ name }: { name: string }) {
  const { data, error, refetch } = useRoleAccessQuery(name);
  const hop = useHops(data);
  return (
    <Card
      padded={false}
      title={analysisTitle("Who can assume this role")}
      description={ANALYSIS_NOTE}
      actions={data && <Link href={toAccessGraph({ node: data.arn })} data-testid="show-in-graph" className={buttonClass("secondary", "sm")}><Waypoints aria-hidden className="size-3.5" />Show in graph</Link>}
    >
      {error ? <div className="p-4"><ErrorState title="Could not analyse this role" message={error.message} onRetry={() => refetch()} /></div>
        : !data ? <Loading what="Analysing who can assume this role" />
        : <AccessTable rows={whoRows(data.whoCanAssume, data.arn)} evidence={data.evidence} hop={hop} label="Principals that can assume this role" subjectHeading="Principal" testId="who-can-assume" />}
    </Card>
  );
}

export function RoleCanAssumeTab({ name }: { name: string }) {
  const { data, error, refetch } = useRoleAccessQuery(name);
  const hop = useHops(data);
  return (
    <Card padded={false} title={analysisTitle("What this role can assume")} description={<>Roles a session of this role can assume (role chaining), directly and through further roles. {ANALYSIS_NOTE}</>}>
      {error ? <div className="p-4"><ErrorState title="Could not analyse this role" message={error.message} onRetry={() => refetch()} /></div>
        : !data ? <Loading what="Analysing what this role can assume" />
        : <AccessTable rows={canRows(data.canAssume, data.arn)} evidence={data.evidence} hop={hop} label="Roles this role can assume" subjectHeading="Role" testId="can-assume" />}
    </Card>
  );
}

export function UserCanAssumeTab({ name }: { name: string }) {
  const { data, error, refetch } = useUserAccessQuery(name);
  const hop = useHops(data);
  return (
    <Card padded={false} title={analysisTitle("What this user can assume")} description={ANALYSIS_NOTE}>
      {error ? <div className="p-4"><ErrorState title="Could not analyse this user" message={error.message} onRetry={() => refetch()} /></div>
        : !data ? <Loading what="Analysing what this user can assume" />
        : <AccessTable rows={canRows(data.canAssume, data.arn)} evidence={data.evidence} hop={hop} label="Roles this user can assume" subjectHeading="Role" testId="can-assume" />}
    </Card>
  );
}
