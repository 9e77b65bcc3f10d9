/**
 * The AWS CLI commands equivalent to the console's Create role, one per IAM action in the order the AWS console
 * calls them (https://docs.aws.amazon.com/cli/latest/reference/iam/), against this Roleplane's endpoint. Pure, so
 * the review step and its tests build the same text.
 */
import { LIMITS, type ConsoleCreateRoleInput } from "@/lib/domain/schemas";

export interface CliCommand {
  /** The IAM action it performs, e.g. `CreateRole`. */
  action: string;
  /** What it does, in a few words. */
  title: string;
  command: string;
}

/** POSIX single-quoting: close the quote, emit an escaped quote, reopen; plain words stay bare. */
export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** A policy document on one line, as a person pastes it after `--policy-document`. */
const compactJson = (text: string) => {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
};

const command = (sub: string, endpoint: string, args: [string, string][]) =>
  [`aws iam ${sub} --endpoint-url ${endpoint}`, ...args.map(([flag, value]) => `--${flag} ${shellQuote(value)}`)].join(" \\\n    ");

export function createRoleCommands(input: ConsoleCreateRoleInput, endpoint: string): CliCommand[] {
  const role: [string, string] = ["role-name", input.RoleName];
  const createArgs: [string, string][] = [role];
  if (input.Path && input.Path !== "/") createArgs.push(["path", input.Path]);
  if (input.Description) createArgs.push(["description", input.Description]);
  if (input.MaxSessionDuration && input.MaxSessionDuration !== LIMITS.maxSessionDuration.default)
    createArgs.push(["max-session-duration", String(input.MaxSessionDuration)]);
  createArgs.push(["assume-role-policy-document", compactJson(input.AssumeRolePolicyDocument)]);
  const commands: CliCommand[] = [{ action: "CreateRole", title: "Create the role with its trust policy", command: command("create-role", endpoint, createArgs) }];
  for (const arn of input.PolicyArns ?? [])
    commands.push({ action: "AttachRolePolicy", title: `Attach ${arn.slice(arn.lastIndexOf("/") + 1)}`, command: command("attach-role-policy", endpoint, [role, ["policy-arn", arn]]) });
  for (const p of input.InlinePolicies ?? [])
    commands.push({
      action: "PutRolePolicy",
      title: `Add the inline policy ${p.PolicyName}`,
      command: command("put-role-policy", endpoint, [role, ["policy-name", p.PolicyName], ["policy-document", compactJson(p.PolicyDocument)]]),
    });
  if (input.PermissionsBoundary)
    commands.push({
      action: "PutRolePermissionsBoundary",
      title: "Set the permissions boundary",
      command: command("put-role-permissions-boundary", endpoint, [role, ["permissions-boundary", input.PermissionsBoundary]]),
    });
  if (input.Tags?.length)
    commands.push({
      action: "TagRole",
      title: `Tag the role (${input.Tags.length})`,
      // `--tags` takes several shorthand values after one flag.
      command: `${command("tag-role", endpoint, [role])} \\\n    --tags ${input.Tags.map((t) => shellQuote(`Key=${t.Key},Value=${t.Value}`)).join(" ")}`,
    });
  if (input.CreateInstanceProfile) {
    const profile: [string, string] = ["instance-profile-name", input.RoleName];
    const profileArgs: [string, string][] = input.Path && input.Path !== "/" ? [profile, ["path", input.Path]] : [profile];
    commands.push(
      { action: "CreateInstanceProfile", title: "Create the instance profile EC2 uses", command: command("create-instance-profile", endpoint, profileArgs) },
      { action: "AddRoleToInstanceProfile", title: "Put the role in the instance profile", command: command("add-role-to-instance-profile", endpoint, [profile, role]) },
    );
  }
  return commands;
}
