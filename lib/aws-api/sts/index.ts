import { AwsError } from "@/lib/domain/errors";
import { assumeRoleSchema, getAccessKeyInfoSchema, getCallerIdentitySchema, getSessionTokenSchema } from "@/lib/domain/sts-schemas";
import type { TemporaryCredentials } from "@/lib/domain/sts-types";
import { assumeRole } from "@/lib/sts/assume-role";
import { getSessionToken } from "@/lib/sts/get-session-token";
import { accessKeyAccount, callerIdentity } from "@/lib/sts/identity";
import { action, type ActionContext, type ApiCaller, type QueryService } from "../action";
import type { XmlObject } from "../xml";

/**
 * STS, API version 2011-06-15 (https://docs.aws.amazon.com/STS/latest/APIReference/), result shapes from botocore
 * `sts/2011-06-15`. AssumeRole and GetSessionToken decide their own authorization (trust policy, MFA);
 * GetCallerIdentity needs no permission at all; GetAccessKeyInfo is authorized like any action.
 */

const credentialsShape = (c: TemporaryCredentials): XmlObject => ({
  AccessKeyId: c.accessKeyId,
  SecretAccessKey: c.secretAccessKey,
  SessionToken: c.sessionToken,
  Expiration: c.expiration,
});

function signedCaller({ caller }: ActionContext): ApiCaller {
  if (!caller) throw new AwsError("MissingAuthenticationToken", "Request is missing Authentication Token");
  return caller;
}

export const stsService: QueryService = {
  name: "sts",
  version: "2011-06-15",
  namespace: "https://sts.amazonaws.com/doc/2011-06-15/",
  actions: {
    AssumeRole: action(
      assumeRoleSchema,
      async (c, input) => {
        const outcome = await assumeRole({ ctx: c.ctx, caller: signedCaller(c), input, env: c.env });
        if (!outcome.granted) throw outcome.error;
        const { session, credentials } = outcome.issued;
        return {
          Credentials: credentialsShape(credentials),
          AssumedRoleUser: { AssumedRoleId: `${session.roleId}:${session.sessionName}`, Arn: session.arn },
          PackedPolicySize: outcome.packedPolicySize,
          SourceIdentity: session.sourceIdentity ?? undefined,
        };
      },
      { authorize: false },
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

    GetAccessKeyInfo: action(getAccessKeyInfoSchema, async (_c, input) => {
      const account = await accessKeyAccount(input.AccessKeyId);
      if (!account) throw new AwsError("InvalidParameterValue", `The access key id ${input.AccessKeyId} is not one STS can read an account from.`);
      return { Account: account };
    }),
  },
};
