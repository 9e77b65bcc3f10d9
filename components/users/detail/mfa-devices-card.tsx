"use client";
import { useState } from "react";
import { Plus, ShieldCheck } from "lucide-react";
import { LIMITS } from "@/lib/domain/schemas";
import { Card, EmptyState, ErrorState, Skeleton } from "@/components/ui/states";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useMfaDevicesQuery, type MfaDeviceDto } from "../mfa-queries";
import type { UserDto } from "../user-queries";
import { AssignMfaDialog } from "./assign-mfa-dialog";
import { RemoveMfaDialog } from "./remove-mfa-dialog";

/** Virtual MFA devices enabled for the user: their codes are what STS checks when a role requires MFA. */
export function MfaDevicesCard({ user }: { user: UserDto }) {
  const { data, error, refetch } = useMfaDevicesQuery(user.name);
  const readOnly = useReadOnlyReason();
  const [assigning, setAssigning] = useState(false);
  const [removing, setRemoving] = useState<MfaDeviceDto | null>(null);
  const max = LIMITS.mfaDevicesPerUser;
  const full = (data?.length ?? 0) >= max;

  return (
    <Card padded={false}
      title={<span className="flex items-center gap-2">Multi-factor authentication (MFA) <Badge tone={full ? "warning" : "neutral"}><span data-testid="mfa-quota">{data?.length ?? 0} of {max}</span></Badge></span>}
      description={`Authenticator apps that prove a second factor for ${user.name}: STS checks their one-time codes on AssumeRole and GetSessionToken, so roles can require MFA. IAM allows ${max} per user.`}
      actions={<Button size="sm" icon={<Plus aria-hidden className="size-4" />} onClick={() => setAssigning(true)}
        disabledReason={readOnly ?? (full ? `This user already has ${max} MFA devices, the most IAM allows. Remove one to assign another.` : undefined)} data-testid="assign-mfa-device">Assign MFA device</Button>}>
      {error ? (
        <div className="p-4"><ErrorState title="Could not load MFA devices" message={error.message} onRetry={() => refetch()} /></div>
      ) : !data ? (
        <div className="p-4"><Skeleton className="h-12" /></div>
      ) : data.length === 0 ? (
        <EmptyState icon={<ShieldCheck aria-hidden className="size-5" />} title="No MFA devices">
          Assign one to let {user.name} sign STS requests with a one-time code. The secret is shown once, while you set up the app.
        </EmptyState>
      ) : (
        <Table label="MFA devices" testId="mfa-devices">
          <thead><tr><Th>Identifier</Th><Th>Type</Th><Th>Enabled</Th><Th className="w-28"><span className="sr-only">Actions</span></Th></tr></thead>
          <tbody>
            {data.map((d) => (
              <Tr key={d.serialNumber} testId="mfa-device-row">
                <Td>
                  <span className="flex min-w-0 items-center gap-1">
                    <code className="truncate font-mono text-[12.5px]" title={d.serialNumber} data-testid="mfa-serial-number">{d.serialNumber}</code>
                    <CopyButton value={d.serialNumber} label="serial number (ARN)" />
                  </span>
                </Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted">Virtual MFA device</Td>
                <Td className="text-[13px] whitespace-nowrap text-fg-muted" ><span data-testid="mfa-enabled-at">{formatDateTime(d.enabledAt)}</span></Td>
                <Td className="text-right">
                  <Button size="sm" variant="ghost" disabledReason={readOnly} onClick={() => setRemoving(d)} data-testid="remove-mfa-device" aria-label={`Remove ${d.name}`}>Remove</Button>
                </Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      <AssignMfaDialog user={user} open={assigning} onClose={() => setAssigning(false)} />
      <RemoveMfaDialog user={user} device={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}
