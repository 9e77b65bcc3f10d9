"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { Waypoints } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { AccessTable } from "./access-table";
import { useAccessAnswerQuery, type AccessOwnerRef, type AccessView } from "./access-queries";
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

/** The search text goes to the server once typing pauses, so each burst of keys is one request. */
const SEARCH_PAUSE_MS = 250;

/** One tab: its card, and the access answer in the search and sort the user chose. */
function AccessTab({ owner, title, description, what, failure, label, subjectHeading, testId, graphLink }: {
  owner: AccessOwnerRef;
  title: string;
  description: React.ReactNode;
  what: string;
  failure: string;
  label: string;
  subjectHeading: string;
  testId: string;
  graphLink?: boolean;
}) {
  const [view, setView] = useState<AccessView>({ q: "", sort: "subject", order: "asc" });
  const [search, setSearch] = useState("");
  useEffect(() => {
    if (search === view.q) return;
    const t = setTimeout(() => setView((v) => ({ ...v, q: search })), SEARCH_PAUSE_MS);
    return () => clearTimeout(t);
  }, [search, view.q]);
  const { data, error, refetch, isPlaceholderData } = useAccessAnswerQuery(owner, view);
  return (
    <Card
      padded={false}
      title={analysisTitle(title)}
      description={description}
      actions={graphLink && data && <Link href={toAccessGraph({ node: data.arn })} data-testid="show-in-graph" className={buttonClass("secondary", "sm")}><Waypoints aria-hidden className="size-3.5" />Show in graph</Link>}
    >
      {error && !data ? <div className="p-4"><ErrorState title={failure} message={error.message} onRetry={() => refetch()} /></div>
        : !data ? <div className="p-4" role="status" aria-label={what}><Skeleton className="h-16" /></div>
        : <AccessTable owner={owner} answer={data} updating={isPlaceholderData} view={view} onView={setView} search={search} onSearch={setSearch} label={label} subjectHeading={subjectHeading} testId={testId} />}
    </Card>
  );
}

export function RoleWhoCanAssumeTab({ name }: { name: string }) {
  return (
    <AccessTab
      owner={{ kind: "role", name, direction: "who-can-assume" }}
      title="Who can assume this role"
      description={ANALYSIS_NOTE}
      what="Analysing who can assume this role"
      failure="Could not analyse this role"
      label="Principals that can assume this role"
      subjectHeading="Principal"
      testId="who-can-assume"
      graphLink
    />
  );
}

export function RoleCanAssumeTab({ name }: { name: string }) {
  return (
    <AccessTab
      owner={{ kind: "role", name, direction: "can-assume" }}
      title="What this role can assume"
      description={<>Roles a session of this role can assume (role chaining), directly and through further roles. {ANALYSIS_NOTE}</>}
      what="Analysing what this role can assume"
      failure="Could not analyse this role"
      label="Roles this role can assume"
      subjectHeading="Role"
      testId="can-assume"
    />
  );
}

export function UserCanAssumeTab({ name }: { name: string }) {
  return (
    <AccessTab
      owner={{ kind: "user", name, direction: "can-assume" }}
      title="What this user can assume"
      description={ANALYSIS_NOTE}
      what="Analysing what this user can assume"
      failure="Could not analyse this user"
      label="Roles this user can assume"
      subjectHeading="Role"
      testId="can-assume"
    />
  );
}
