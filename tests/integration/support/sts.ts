import { STSClient } from "@aws-sdk/client-sts";
import { IAMClient } from "@aws-sdk/client-iam";

/** Temporary credentials as the SDK clients take them. */
export interface SessionCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function stsClient(baseUrl: string, credentials: SessionCredentials): STSClient {
  return new STSClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });
}

export function iamClientWith(baseUrl: string, credentials: SessionCredentials): IAMClient {
  return new IAMClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });
}

/** The SDK's `Credentials` of an assume, as a client's credentials. */
export function asCredentials(c: { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string } | undefined): SessionCredentials {
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error("no credentials in the answer");
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
