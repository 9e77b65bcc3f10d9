"use client";
import Link from "next/link";
import { CircleCheck, ShieldX } from "lucide-react";
import { Card } from "@/components/ui/states";
import { SummaryField } from "@/components/ui/summary-grid";
import { CopyableCode } from "@/components/ui/summary-grid";
import { formatDateTime } from "@/components/format";
import { MintedOutput } from "@/components/identity-providers/test-idp/minted-output";
import { toRole } from "../routes";
import type { SignInResultDto } from "./sign-in-queries";

/** What each refusing check means, in Roleplane's words beside AWS's. */
const CHECK_HELP: Record<Extract<SignInResultDto, { granted: false }>["check"], string> = {
  token: "STS refused the token or assertion itself, before reading the trust policy: its signature, issuer, audience or validity.",
  role: "The role does not exist any more. AWS answers a missing role with the same AccessDenied as a refusal.",
  trust: "The token is valid, but the role's trust policy does not allow this provider with these claims. Compare its conditions with the claims the provider sent.",
  "tag-session": "The identity provider passed session tags, and the trust policy does not allow sts:TagSession for it.",
  "source-identity": "The identity provider set a source identity, and the trust policy does not allow sts:SetSourceIdentity for it.",
};

export function SignInResult({ result, roleName }: { result: SignInResultDto; roleName: string }) {
  if (!result.granted)
    return (
      <section role="alert" className="flex flex-col gap-3 rounded-xl border border-danger/30 bg-danger-soft p-5 text-danger-soft-fg" data-testid="sign-in-refused">
        <p className="flex items-center gap-2 text-sm font-semibold">
          <ShieldX aria-hidden className="size-4" /> STS refused: <code className="font-mono" data-testid="sign-in-error-code">{result.error.code}</code>
        </p>
        <p className="font-mono text-[13px] break-words" data-testid="sign-in-error-message">{result.error.message}</p>
        <div className="flex flex-col gap-1.5 text-[13px]">
          <p className="font-medium">Why (Roleplane&apos;s explanation; AWS does not say)</p>
          <p>{CHECK_HELP[result.check]}</p>
          {result.explanation.length > 0 && (
            <ul className="list-disc pl-5" data-testid="sign-in-explanation">
              {result.explanation.map((line, i) => <li key={i}>{line}</li>)}
            </ul>
          )}
          {result.check === "trust" && <Link href={toRole({ name: roleName, tab: "trust" })} className="font-medium underline underline-offset-2">Open the trust policy</Link>}
        </div>
      </section>
    );

  const c = result.credentials;
  const env = `export AWS_ACCESS_KEY_ID=${c.accessKeyId}\nexport AWS_SECRET_ACCESS_KEY=${c.secretAccessKey}\nexport AWS_SESSION_TOKEN=${c.sessionToken}`;
  return (
    <Card
      title={<span className="flex items-center gap-2"><CircleCheck aria-hidden className="size-4 text-success" />Signed in</span>}
      description="Temporary credentials for this role session. They are shown once: Roleplane keeps only a sealed copy of the secret."
    >
      <div className="flex flex-col gap-4" data-testid="sign-in-granted">
        <dl className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
          <SummaryField label="Session ARN" wide><CopyableCode value={result.assumedRoleUser.arn} label="session ARN" testId="sign-in-session-arn" /></SummaryField>
          <SummaryField label="Expires">{formatDateTime(c.expiration)}</SummaryField>
          <SummaryField label="Provider" wide><code className="font-mono text-[12.5px] break-all" data-testid="sign-in-provider">{result.provider}</code></SummaryField>
          <SummaryField label="Subject"><code className="font-mono text-[12.5px] break-all" data-testid="sign-in-subject">{result.subject}</code></SummaryField>
          <SummaryField label="Audience"><code className="font-mono text-[12.5px] break-all">{result.audience}</code></SummaryField>
          {result.sourceIdentity && <SummaryField label="Source identity"><code className="font-mono text-[12.5px]">{result.sourceIdentity}</code></SummaryField>}
          {result.sessionTags.length > 0 && (
            <SummaryField label="Session tags" wide>{result.sessionTags.map((t) => <code key={t.Key} className="mr-2 font-mono text-[12.5px]">{t.Key}={t.Value}</code>)}</SummaryField>
          )}
        </dl>
        <div className="grid gap-3 lg:grid-cols-2">
          <MintedOutput label="Access key ID" value={c.accessKeyId} rows={1} testId="sign-in-access-key-id" />
          <MintedOutput label="Secret access key" value={c.secretAccessKey} rows={1} testId="sign-in-secret" />
        </div>
        <MintedOutput label="Session token" value={c.sessionToken} rows={3} testId="sign-in-session-token" />
        <MintedOutput label="Shell environment" value={env} rows={3} testId="sign-in-env" />
      </div>
    </Card>
  );
}
