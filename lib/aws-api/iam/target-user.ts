import { AwsError } from "@/lib/domain/errors";
import { callerUserName } from "@/lib/iam/callers";
import type { ActionContext } from "../action";

/**
 * Without UserName, the self-service actions (access keys, ListMFADevices, DeactivateMFADevice) act on the calling
 * user (https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateAccessKey.html: "If you do not specify a user
 * name, IAM determines the user name implicitly based on the Amazon Web Services access key ID signing the request").
 */
export function targetUser({ caller }: ActionContext, userName: string | undefined): string {
  if (userName) return userName;
  const own = caller && callerUserName(caller);
  if (own) return own;
  throw new AwsError("ValidationError", "Must specify userName when calling with non-User credentials");
}
