"use client";
import { Table, Th, Td, Tr } from "@/components/ui/table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { useToast } from "@/components/ui/toast";
import { formatDate, formatRelative } from "@/components/format";
import { useReadOnlyReason } from "@/components/shell/console-context";
import { useUpdateAccessKeyMutation, type AccessKeyDto } from "../access-key-queries";
import type { UserDto } from "../user-queries";

export function AccessKeysTable({ user, keys, onDelete }: { user: UserDto; keys: AccessKeyDto[]; onDelete: (k: AccessKeyDto) => void }) {
  const update = useUpdateAccessKeyMutation(user.name);
  const readOnly = useReadOnlyReason();
  const toast = useToast();
  const toggle = (k: AccessKeyDto) => {
    const Status = k.status === "Active" ? "Inactive" : "Active";
    return update.mutateAsync({ id: k.accessKeyId, Status }).then(
      () => toast({ tone: "success", title: `${k.accessKeyId} ${Status === "Active" ? "activated" : "deactivated"}` }),
      (e: Error) => toast({ tone: "error", title: "Status not changed", message: e.message }),
    );
  };
  return (
    <Table label="Access keys" testId="access-keys">
      <thead><tr><Th>Access key ID</Th><Th>Status</Th><Th>Created</Th><Th>Last used</Th><Th className="w-52"><span className="sr-only">Actions</span></Th></tr></thead>
      <tbody>
        {keys.map((k) => (
          <Tr key={k.accessKeyId} testId="access-key-row">
            <Td><span className="flex items-center gap-1"><code className="font-mono text-[12.5px]" data-testid="access-key-id">{k.accessKeyId}</code><CopyButton value={k.accessKeyId} label="access key ID" /></span></Td>
            <Td><span data-testid="access-key-status"><Badge tone={k.status === "Active" ? "success" : "neutral"}>{k.status}</Badge></span></Td>
            <Td className="text-[13px] whitespace-nowrap text-fg-muted">{formatDate(k.createdAt)}</Td>
            <Td className="text-[13px] text-fg-muted">
              {formatRelative(k.lastUsedAt)}
              {k.lastUsedService && <span className="block text-xs text-fg-subtle">{k.lastUsedService}{k.lastUsedRegion && ` · ${k.lastUsedRegion}`}</span>}
            </Td>
            <Td className="text-right whitespace-nowrap">
              <Button size="sm" variant="ghost" disabledReason={readOnly} loading={update.isPending && update.variables?.id === k.accessKeyId} onClick={() => toggle(k)} data-testid="toggle-access-key">
                {k.status === "Active" ? "Deactivate" : "Activate"}
              </Button>
              <Button size="sm" variant="ghost" disabledReason={readOnly} onClick={() => onDelete(k)} data-testid="delete-access-key" aria-label={`Delete ${k.accessKeyId}`}>Delete</Button>
            </Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}
