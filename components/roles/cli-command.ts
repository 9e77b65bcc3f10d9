import { LIMITS, type CreateRoleInput } from "@/lib/domain/schemas";

/** POSIX single-quoting: close the quote, emit an escaped quote, reopen. */
const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

const compactJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
};

/** The `aws iam create-role` call equivalent to the console's form, against this Roleplane's endpoint. */
export function createRoleCliCommand(input: CreateRoleInput, endpoint: string): string {
  const lines = [`aws iam create-role --endpoint-url ${endpoint}`, `--role-name ${q(input.RoleName)}`];
  if (input.Path && input.Path !== "/") lines.push(`--path ${q(input.Path)}`);
  if (input.Description) lines.push(`--description ${q(input.Description)}`);
  if (input.MaxSessionDuration && input.MaxSessionDuration !== LIMITS.maxSessionDuration.default) lines.push(`--max-session-duration ${input.MaxSessionDuration}`);
  if (input.PermissionsBoundary) lines.push(`--permissions-boundary ${q(input.PermissionsBoundary)}`);
  if (input.Tags?.length) lines.push(`--tags ${input.Tags.map((t) => q(`Key=${t.Key},Value=${t.Value}`)).join(" ")}`);
  lines.push(`--assume-role-policy-document ${q(compactJson(input.AssumeRolePolicyDocument))}`);
  return lines.join(" \\\n    ");
}

export function attachPolicyCliCommand(roleName: string, policyArn: string, endpoint: string): string {
  return `aws iam attach-role-policy --endpoint-url ${endpoint} --role-name ${q(roleName)} --policy-arn ${q(policyArn)}`;
}
