"use client";
import { useState } from "react";
import { Download, Eye, EyeOff, TriangleAlert } from "lucide-react";
import { Dialog } from "@/components/ui/dialog";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { NewAccessKeyDto } from "../access-key-queries";
import { accessKeyCsv, accessKeyCsvName, downloadText } from "./access-key-csv";

/**
 * Shows a new key's secret, once: IAM never returns it again. Closing the dialog drops it from memory (the caller
 * resets the mutation that carried it), so it is gone from the page.
 */
export function NewAccessKeyDialog({ accessKey, onClose }: { accessKey: NewAccessKeyDto | null; onClose: () => void }) {
  const [shown, setShown] = useState(false);
  const close = () => {
    setShown(false);
    onClose();
  };
  return (
    <Dialog open={!!accessKey} onClose={close} title="Access key created" testId="new-access-key-dialog"
      description={accessKey && <>For IAM user <strong>{accessKey.userName}</strong>. Use it with the AWS CLI or an SDK against this Roleplane.</>}
      footer={<>
        {accessKey && <Button className="mr-auto" icon={<Download aria-hidden className="size-4" />} onClick={() => downloadText(accessKeyCsvName(accessKey.userName), accessKeyCsv(accessKey))} data-testid="download-access-key-csv">Download .csv file</Button>}
        <Button variant="primary" onClick={close} data-testid="close-new-access-key">Done</Button>
      </>}>
      {accessKey && (
        <div className="flex flex-col gap-4 pb-2">
          <div role="note" className="flex gap-3 rounded-lg border border-warning-soft-fg/30 bg-warning-soft p-3 text-[13px] text-warning-soft-fg" data-testid="secret-once-warning">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <p><strong>You won’t see this secret again.</strong> This is the only time the secret access key can be viewed or downloaded. Copy it or download the .csv file now; if you lose it, create a new key and delete this one.</p>
          </div>
          <KeyRow label="Access key ID" testId="new-access-key-id" value={accessKey.accessKeyId} />
          <KeyRow label="Secret access key" testId="new-secret-access-key" value={accessKey.secretAccessKey} masked={!shown}
            toggle={<Button size="sm" variant="ghost" onClick={() => setShown((s) => !s)} icon={shown ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />} data-testid="toggle-secret">{shown ? "Hide" : "Show"}</Button>} />
        </div>
      )}
    </Dialog>
  );
}

function KeyRow({ label, value, testId, masked, toggle }: { label: string; value: string; testId: string; masked?: boolean; toggle?: React.ReactNode }) {
  return (
    <div>
      <p className="text-xs font-medium text-fg-muted">{label}</p>
      <div className="mt-1 flex items-center gap-1 rounded-lg border border-border bg-surface-2 py-1 pr-1 pl-3">
        <code className="min-w-0 flex-1 truncate font-mono text-[13px]" data-testid={testId}>{masked ? "•".repeat(40) : value}</code>
        {toggle}
        <CopyButton value={value} label={label.toLowerCase()} />
      </div>
    </div>
  );
}
