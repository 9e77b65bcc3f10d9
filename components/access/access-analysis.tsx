"use client";
import { useSearchParams } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Card, ErrorState, Skeleton } from "@/components/ui/states";
import { useConsole } from "@/components/shell/console-context";
import { readAccessAnalysisState } from "./analysis-routes";
import { useAccessAnalysisQuery } from "./access-queries";
import { FindingsList } from "./findings-list";
import { RolesAccessTable } from "./roles-access-table";

function Loading({ what, rows }: { what: string; rows: number }) {
  return (
    <div className="flex flex-col gap-3 p-4" role="status" aria-label={what}>
      {Array.from({ length: rows }, (_, i) => <Skeleton key={i} className="h-10" />)}
    </div>
  );
}

/** The Access analysis page: the account's findings, and its roles with who can assume them. */
export function AccessAnalysis() {
  const state = readAccessAnalysisState(useSearchParams());
  const { account } = useConsole();
  const { data, error, isFetching, refetch } = useAccessAnalysisQuery(account.id);
  const counts = data && { high: data.findings.filter((f) => f.severity === "high").length, total: data.findings.length };
  return (
    <div className="flex flex-col gap-5" aria-busy={isFetching}>
      <Card
        padded={false}
        title={<span className="flex items-center gap-2">Findings {counts && <Badge tone={counts.high ? "danger" : "neutral"}><span data-testid="findings-count">{counts.total}</span></Badge>}</span>}
        description="What a reviewer should act on, most severe first. Expand a finding for its evidence: the principals, paths and trust policy statements behind it."
      >
        {error ? <div className="p-4"><ErrorState title="Could not analyse this account" message={error.message} onRetry={() => refetch()} /></div>
          : !data ? <Loading what="Analysing this account's roles" rows={4} />
          : <FindingsList findings={data.findings} accountId={data.accountId} state={state} />}
      </Card>
      <Card padded={false} title="Who can assume each role" description="Principals that assume each role directly with nothing but the policies, directly when the request meets conditions (MFA, an external ID…), and only through a chain of other roles.">
        {error ? null : !data ? <Loading what="Counting who can assume each role" rows={6} /> : <RolesAccessTable roles={data.roles} state={state} />}
      </Card>
    </div>
  );
}
