"use client";
import { History } from "lucide-react";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Badge } from "@/components/ui/badge";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { useRoleActivityQuery } from "../role-queries";

/** The audit trail for this role: every change and every refusal, from the console and the API. */
export function ActivityTab({ name }: { name: string }) {
  const { data, error, refetch } = useRoleActivityQuery(name);
  return (
    <Card padded={false} title="Activity" description="Changes and refused attempts on this role, newest first.">
      {error ? (
        <div className="p-4"><ErrorState message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-24" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<History aria-hidden className="size-5" />} title="No activity recorded yet" />
      ) : (
        <Table label="Role activity" testId="activity">
          <thead><tr><Th>Time</Th><Th>Action</Th><Th>Actor</Th><Th>Source</Th><Th>Outcome</Th></tr></thead>
          <tbody>
            {data.map((e) => (
              <Tr key={e.id} testId="activity-row">
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDateTime(e.time)}</Td>
                <Td className="font-mono text-[12.5px]">{e.action}</Td>
                <Td className="max-w-56 truncate text-[13px]">{e.actor}</Td>
                <Td><Badge>{e.source === "console" ? "Console" : "API"}</Badge></Td>
                <Td>
                  {e.outcome === "Success" ? <Badge tone="success">Succeeded</Badge> : (
                    <span title={e.reason ?? undefined}><Badge tone="danger">Refused · {e.errorCode}</Badge></span>
                  )}
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
