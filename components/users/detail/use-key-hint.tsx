"use client";
import { Terminal } from "lucide-react";
import { Card } from "@/components/ui/states";
import { CopyButton } from "@/components/ui/copy-button";
import { useOrigin } from "@/components/ui/use-client";

/** How to use a key from here: the AWS CLI pointed at this Roleplane's endpoint (any region works). */
export function UseKeyHint({ userName }: { userName: string }) {
  const origin = useOrigin();
  const command = [
    "export AWS_ACCESS_KEY_ID=<access key ID>",
    "export AWS_SECRET_ACCESS_KEY=<secret access key>",
    "export AWS_REGION=us-east-1",
    `aws --endpoint-url ${origin}/api/aws iam get-user --user-name ${userName}`,
  ].join("\n");
  return (
    <Card title={<span className="flex items-center gap-2"><Terminal aria-hidden className="size-4 text-fg-muted" />Use a key with the AWS CLI</span>}
      description="Roleplane verifies SigV4 signatures as AWS does; inactive and deleted keys are refused."
      actions={<CopyButton value={command} label="CLI example" />}>
      <pre tabIndex={0} className="overflow-auto rounded-lg bg-surface-2 p-4 font-mono text-xs leading-relaxed">{command}</pre>
    </Card>
  );
}
