"use client";
import { useState } from "react";
import { LogOut, Users } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatRelative } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useConsoleUsersQuery, type ConsoleUserDto } from "./console-user-queries";
import { EndSessionsDialog } from "./end-sessions-dialog";

export function ConsoleUsersList() {
  const { data, error, isPending, refetch } = useConsoleUsersQuery();
  const readOnly = useReadOnlyReason();
  const [ending, setEnding] = useState<ConsoleUserDto | null>(null);
  return (
    <div className="overflow-hidden rounded-xl border border-border bg-surface shadow-card">
      {error ? (
        <div className="p-4"><ErrorState title="Could not load console users" message={error.message} onRetry={() => refetch()} /></div>
      ) : isPending ? (
        <div className="flex flex-col gap-3 p-4" role="status" aria-label="Loading console users">
          {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-10" />)}
        </div>
      ) : data.length === 0 ? (
        <EmptyState icon={<Users aria-hidden className="size-5" />} title="No console users" />
      ) : (
        <Table label="Console users" testId="console-users-table">
          <thead>
            <tr>
              <Th>Console user</Th>
              <Th className="w-32">Role</Th>
              <Th className="w-40">Active sessions</Th>
              <Th className="w-40">Last sign-in</Th>
              <Th className="w-40"><span className="sr-only">Actions</span></Th>
            </tr>
          </thead>
          <tbody>
            {data.map((u) => (
              <Tr key={u.id} testId="console-user-row">
                <Td>
                  <p className="font-medium text-fg" data-testid="console-user-email">{u.email}</p>
                  <p className="text-[12px] text-fg-subtle">{u.name}</p>
                </Td>
                <Td><Badge tone={u.role === "admin" ? "accent" : "warning"}>{u.role === "admin" ? "Admin" : "Viewer"}</Badge></Td>
                <Td className="text-[13px] tabular-nums"><span data-testid="console-user-sessions">{u.activeSessions}</span></Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatRelative(u.lastSignInAt)}</Td>
                <Td className="text-right">
                  <Button size="sm" variant="secondary" disabledReason={readOnly} disabled={u.activeSessions === 0}
                    icon={<LogOut aria-hidden className="size-3.5" />} onClick={() => setEnding(u)} data-testid="end-sessions">
                    End sessions
                  </Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <EndSessionsDialog user={ending} onClose={() => setEnding(null)} />
    </div>
  );
}
