import { LIMITS } from "@/lib/domain/limits";
import type { ConsoleAssumeRoleInput } from "@/lib/domain/console-assume";
import type { Tag } from "@/lib/domain/schemas";

/**
 * The forms people paste temporary credentials in, and the AWS CLI call equivalent to the console's Assume role.
 * Built in the browser from the one response that carries the secret; nothing here is sent anywhere.
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html
 * @see https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sourcing-external.html
 */
export interface CredentialSet {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  /** ISO 8601. */
  expiration: string;
}

/** POSIX single-quoting, only when a value needs it (key ids, base64 secrets and tokens never do). */
const shellWord = (s: string) => (/^[\w+/=.:,@%-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

export function shellExports(c: CredentialSet): string {
  return [
    `export AWS_ACCESS_KEY_ID=${shellWord(c.accessKeyId)}`,
    `export AWS_SECRET_ACCESS_KEY=${shellWord(c.secretAccessKey)}`,
    `export AWS_SESSION_TOKEN=${shellWord(c.sessionToken)}`,
  ].join("\n");
}

/** A profile for `~/.aws/credentials`; the name is kept to characters profile names take. */
export function credentialsFileProfile(c: CredentialSet, profile: string): string {
  return [
    `[${profile.replace(/[^\w.-]+/g, "-")}]`,
    `aws_access_key_id = ${c.accessKeyId}`,
    `aws_secret_access_key = ${c.secretAccessKey}`,
    `aws_session_token = ${c.sessionToken}`,
  ].join("\n");
}

/** The JSON a `credential_process` command prints (Version 1; the CLI refreshes once Expiration passes). */
export function credentialProcessJson(c: CredentialSet): string {
  return JSON.stringify(
    { Version: 1, AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration },
    null,
    2,
  );
}

export type AssumeCommandInput = Omit<ConsoleAssumeRoleInput, "Caller" | "TokenCode"> & { RoleArn: string };

const compactJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
};

const tagArg = (t: Tag) => shellWord(`Key=${t.Key},Value=${t.Value}`);

/**
 * `aws sts assume-role` with the same parameters, against this Roleplane. The MFA code is left as a placeholder:
 * a code is accepted once, so the one the console sent is spent.
 */
export function assumeRoleCliCommand(input: AssumeCommandInput, endpoint: string): string {
  const lines = [`aws sts assume-role --endpoint-url ${endpoint}`, `--role-arn ${shellWord(input.RoleArn)}`, `--role-session-name ${shellWord(input.RoleSessionName)}`];
  if (input.DurationSeconds !== undefined && input.DurationSeconds !== LIMITS.assumeRoleDuration.default) lines.push(`--duration-seconds ${input.DurationSeconds}`);
  if (input.ExternalId) lines.push(`--external-id ${shellWord(input.ExternalId)}`);
  if (input.SerialNumber) lines.push(`--serial-number ${shellWord(input.SerialNumber)}`, "--token-code <code from the device>");
  if (input.SourceIdentity) lines.push(`--source-identity ${shellWord(input.SourceIdentity)}`);
  if (input.Tags?.length) lines.push(`--tags ${input.Tags.map(tagArg).join(" ")}`);
  if (input.TransitiveTagKeys?.length) lines.push(`--transitive-tag-keys ${input.TransitiveTagKeys.map(shellWord).join(" ")}`);
  if (input.Policy) lines.push(`--policy ${shellWord(compactJson(input.Policy))}`);
  if (input.PolicyArns?.length) lines.push(`--policy-arns ${input.PolicyArns.map((p) => shellWord(`arn=${p.arn}`)).join(" ")}`);
  return lines.join(" \\\n    ");
}

/** The durations the form offers: AWS's minimum up to the role's MaxSessionDuration, one hour when chaining. */
export function durationChoices(maxSessionDuration: number, chained: boolean): number[] {
  const cap = chained ? Math.min(maxSessionDuration, LIMITS.roleChainingDuration) : maxSessionDuration;
  const steps = [900, 1800, 3600, 7200, 14400, 21600, 28800, 43200].filter((s) => s >= LIMITS.assumeRoleDuration.min && s <= cap);
  return steps.includes(cap) ? steps : [...steps, cap];
}
