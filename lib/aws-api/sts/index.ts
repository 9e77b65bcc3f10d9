import { AwsError } from "@/lib/domain/errors";
import {
  assumeRoleSchema,
  assumeRoleWithSamlSchema,
  assumeRoleWithWebIdentitySchema,
  decodeAuthorizationMessageSchema,
  getAccessKeyInfoSchema,
  getCallerIdentitySchema,
  getSessionTokenSchema,
} from "@/lib/domain/sts-schemas";
import type { StsSession, TemporaryCredentials } from "@/lib/domain/sts-types";
import { assumeRole, type AssumeRoleOutcome } from "@/lib/sts/assume-role";
import { assumeRoleWithSaml, assumeRoleWithWebIdentity } from "@/lib/sts/assume-role-federated";
import { authorizationMessage, decodeAuthorizationMessage, encodeAuthorizationMessage, refusalMessage, withEncodedMessage } from "@/lib/iam/authorization-message";
import { callerUserName, requestPrincipal } from "@/lib/iam/callers";
import { parseRoleArn } from "@/lib/iam/arn";
import { getSessionToken } from "@/lib/sts/get-session-token";
import { accessKeyAccount, callerIdentity } from "@/lib/sts/identity";
import { action, type ActionContext, type ApiCaller, type QueryService } from "../action";
import type { XmlObject } from "../xml";

/**
 * STS, API version 2011-06-15 (https://docs.aws.amazon.com/STS/latest/APIReference/), result shapes from botocore
 * `sts/2011-06-15`. AssumeRole and GetSessionToken decide their own authorization (trust policy, MFA);
 * GetCallerIdentity needs no permission at all; GetAccessKeyInfo and DecodeAuthorizationMessage are authorized like
 * any action. AssumeRoleWithWebIdentity and AssumeRoleWithSAML are served unsigned, as AWS serves them: the token or
 * assertion is the identity (a signature, when a client sends one, is checked and then plays no part).
 */

const credentialsShape = (c: TemporaryCredentials): XmlObject => ({
  AccessKeyId: c.accessKeyId,
  SecretAccessKey: c.secretAccessKey,
  SessionToken: c.sessionToken,
  Expiration: c.expiration,
});

const assumedRoleUser = (s: StsSession): XmlObject => ({ AssumedRoleId: `${s.roleId}:${s.sessionName}`, Arn: s.arn });

function signedCaller({ caller }: ActionContext): ApiCaller {
  if (!caller) throw new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token");
  return caller;
}

/**
 * An assume refused in the caller's own account carries AWS's encoded authorization message. Across accounts it
 * does not: the message would tell the caller's account about the other account's trust policy and whether the role
 * exists. Whether a message is attached depends only on the role ARN's account, which the caller already knows.
 */
function refusal(caller: ApiCaller, roleArn: string, outcome: Extract<AssumeRoleOutcome, { granted: false }>): AwsError {
  const { error } = outcome;
  // A failed MFA code is answered in AWS's exact words: it is not a policy decision to explain.
  if (error.code !== "AccessDenied" || outcome.check === "mfa" || parseRoleArn(roleArn)?.accountId !== caller.accountId) return error;
  const name = callerUserName(caller);
  const message =
    outcome.decision && outcome.request
      ? authorizationMessage(outcome.request, outcome.decision, name)
      : refusalMessage({ action: "sts:AssumeRole", resource: roleArn, principal: requestPrincipal(caller) }, outcome.explanation, name);
  return new AwsError("AccessDenied", withEncodedMessage(error.message, encodeAuthorizationMessage(message, caller.accountId)));
}

export const stsService: QueryService = {
  name: "sts",
  version: "2011-06-15",
  namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  actions: {
    AssumeRole: action(
      assumeRoleSchema,
      async (c, input) => {
        const caller = signedCaller(c);
        const outcome = await assumeRole({ ctx: c.ctx, caller, input, env: c.env });
        if (!outcome.granted) throw refusal(caller, input.RoleArn, outcome);
        const { session, credentials } = outcome.issued;
        return {
          Credentials: credentialsShape(credentials),
          AssumedRoleUser: assumedRoleUser(session),
          PackedPolicySize: outcome.packedPolicySize,
          SourceIdentity: session.sourceIdentity ?? undefined,
        };
      },
      { authorize: false },
    ),

    AssumeRoleWithWebIdentity: action(
      assumeRoleWithWebIdentitySchema,
      async (c, input) => {
        const outcome = await assumeRoleWithWebIdentity({ ctx: c.ctx, input, env: c.env });
        if (!outcome.granted) throw outcome.error;
        const { session, credentials } = outcome.issued;
        return {
          Credentials: credentialsShape(credentials),
          SubjectFromWebIdentityToken: outcome.federation.subject,
          AssumedRoleUser: assumedRoleUser(session),
          PackedPolicySize: outcome.packedPolicySize,
          Provider: outcome.provider,
          Audience: outcome.federation.audience,
          SourceIdentity: session.sourceIdentity ?? undefined,
        };
      },
      { authorize: false, unsigned: true },
    ),

    AssumeRoleWithSAML: action(
      assumeRoleWithSamlSchema,
      async (c, input) => {
        const outcome = await assumeRoleWithSaml({ ctx: c.ctx, input, env: c.env });
        if (!outcome.granted) throw outcome.error;
        const { session, credentials } = outcome.issued;
        const saml = outcome.federation;
        return {
          Credentials: credentialsShape(credentials),
          AssumedRoleUser: assumedRoleUser(session),
          PackedPolicySize: outcome.packedPolicySize,
          Subject: saml.subject,
          SubjectType: saml.subjectType,
          Issuer: saml.issuer,
          Audience: saml.audience,
          NameQualifier: saml.nameQualifier,
          SourceIdentity: session.sourceIdentity ?? undefined,
        };
      },
      { authorize: false, unsigned: true },
    ),

    GetSessionToken: action(
      getSessionTokenSchema,
      async (c, input) => ({ Credentials: credentialsShape((await getSessionToken(c.ctx, signedCaller(c), input, c.env)).credentials) }),
      { authorize: false },
    ),

    GetCallerIdentity: action(
      getCallerIdentitySchema,
      async (c) => {
        const id = callerIdentity(signedCaller(c));
        return { UserId: id.userId, Account: id.account, Arn: id.arn };
      },
      { authorize: false },
    ),

    // Needs sts:DecodeAuthorizationMessage, like any authorized action; only the caller's own account's messages open.
    DecodeAuthorizationMessage: action(decodeAuthorizationMessageSchema, async (c, input) => ({
      DecodedMessage: JSON.stringify(decodeAuthorizationMessage(input.EncodedMessage, signedCaller(c).accountId)),
    })),

    GetAccessKeyInfo: action(getAccessKeyInfoSchema, async (_c, input) => {
      const account = await accessKeyAccount(input.AccessKeyId);
      if (!account) throw new AwsError("InvalidParameterValue", `The access key id ${input.AccessKeyId} is not one STS can read an account from.`);
      return { Account: account };
    }),
  },
};
