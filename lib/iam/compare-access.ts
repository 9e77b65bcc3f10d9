import { AwsError, clip, noSuchEntity } from "@/lib/domain/errors";
import { RESOURCE_POLICY_TEMPLATES } from "@/lib/domain/resource-policy-templates";
import type { CompareAccessInput } from "@/lib/domain/simulation-schemas";
import type { AccessComparison, SimulationView } from "@/lib/domain/simulation-types";
import { roleWayDecision, waysDiffer } from "@/lib/access/compare-ways";
import { roleByArn } from "@/lib/sts/roles";
import { consoleSimulation } from "./console-simulation";

/** The 12-digit account an ARN names, if any (S3's name none). */
const arnAccount = (arn: string) => {
  const a = arn.split(":")[4];
  return a && /^\d{12}$/.test(a) ? a : undefined;
};

const decisionOf = (v: SimulationView) => v.results[0]?.resources[0]?.decision ?? "implicitDeny";

/**
 * Cross-account access two ways, each evaluated by the simulator: (a) the caller assumes the role (its own
 * sts:AssumeRole permission with the role's trust policy), then acts as the role (the role's policies); (b) the
 * caller acts directly, its identity policy and the resource policy (owned by the resource's account) deciding.
 */
export async function compareAccess(accountId: string, input: CompareAccessInput): Promise<AccessComparison> {
  const role = input.RoleArn ? await roleByArn(input.RoleArn) : null;
  if (input.RoleArn && !role) throw noSuchEntity(`The role ${clip(input.RoleArn)} cannot be found.`);
  const resourceAccount = input.ResourceAccount ?? arnAccount(input.ResourceArn) ?? role?.accountId ?? accountId;
  if (role && role.accountId !== resourceAccount)
    throw new AwsError("InvalidInput", `The role to assume must be in the resource's account ${resourceAccount}; ${role.arn} is in ${role.accountId}.`);
  const callerAccount = arnAccount(input.PrincipalArn) ?? accountId;
  const common = { ContextEntries: input.ContextEntries, SupposeExternalAllowed: input.SupposeExternalAllowed };

  const direct = await consoleSimulation(accountId, {
    ...common,
    PolicySourceArn: input.PrincipalArn,
    ActionNames: [input.Action],
    ResourceArns: [input.ResourceArn],
    ResourcePolicy: input.ResourcePolicy,
    ResourceOwner: `arn:aws:iam::${resourceAccount}:root`,
  });
  let viaRole: AccessComparison["viaRole"];
  if (role) {
    const assume = await consoleSimulation(accountId, { ...common, PolicySourceArn: input.PrincipalArn, ActionNames: ["sts:AssumeRole"], ResourceArns: [role.arn] });
    const act = await consoleSimulation(accountId, { ContextEntries: input.ContextEntries, PolicySourceArn: role.arn, ActionNames: [input.Action], ResourceArns: [input.ResourceArn] });
    viaRole = { roleArn: role.arn, assume, act, decision: roleWayDecision(decisionOf(assume), decisionOf(act)) };
  }
  const service = input.Action.split(":")[0].toLowerCase();
  const template = RESOURCE_POLICY_TEMPLATES.find((t) => t.action.split(":")[0] === service);
  return {
    callerArn: input.PrincipalArn,
    callerAccount,
    resourceAccount,
    action: input.Action,
    resource: input.ResourceArn,
    viaRole,
    viaResourcePolicy: { view: direct, decision: decisionOf(direct) },
    differences: waysDiffer({
      callerArn: input.PrincipalArn,
      callerAccount,
      resourceAccount,
      action: input.Action,
      viaRole: viaRole && { roleArn: viaRole.roleArn, assume: decisionOf(viaRole.assume), act: decisionOf(viaRole.act) },
      viaResourcePolicy: decisionOf(direct),
      serviceNote: template?.note,
    }),
  };
}
