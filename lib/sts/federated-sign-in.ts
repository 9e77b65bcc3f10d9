import type { FederatedSignInInput } from "@/lib/domain/sts-schemas";
import type { FederatedSignInResult } from "@/lib/domain/sts-types";
import type { RequestContext } from "@/lib/iam/context";
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from "./assume-role-federated";

/**
 * The console's federated sign-in: one of the two federated assumes, answered as the console shows it — the
 * credentials and who the provider vouched for, or AWS's refusal with the evaluator's explanation of it.
 */
export async function federatedSignIn(ctx: RequestContext, roleArn: string, input: FederatedSignInInput): Promise<FederatedSignInResult> {
  const outcome =
    input.kind === "web-identity"
      ? await assumeRoleWithWebIdentity({ ctx, env: {}, input: { RoleArn: roleArn, RoleSessionName: input.RoleSessionName, WebIdentityToken: input.WebIdentityToken, DurationSeconds: input.DurationSeconds } })
      : await assumeRoleWithSaml({ ctx, env: {}, input: { RoleArn: roleArn, PrincipalArn: input.PrincipalArn, SAMLAssertion: input.SAMLAssertion, DurationSeconds: input.DurationSeconds } });
  if (!outcome.granted) return { granted: false, check: outcome.check, error: { code: outcome.error.code, message: outcome.error.message }, explanation: outcome.explanation };
  const { session, credentials } = outcome.issued;
  return {
    granted: true,
    credentials,
    assumedRoleUser: { arn: session.arn, assumedRoleId: `${session.roleId}:${session.sessionName}` },
    provider: outcome.provider,
    subject: outcome.federation.subject,
    audience: outcome.federation.audience,
    sourceIdentity: session.sourceIdentity,
    sessionTags: session.tags,
    packedPolicySize: outcome.packedPolicySize ?? null,
  };
}
