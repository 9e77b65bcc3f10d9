import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { PRINCIPAL_KINDS, PRINCIPAL_RULES, type PrincipalKind } from "@/lib/domain/principal-kinds";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import * as policies from "./policies";
import { PERMISSIONS } from "./principals";
import * as groups from "./groups";
import * as roles from "./roles";
import * as users from "./users";
import { refusal } from "./test-helpers";
import { policySize } from "@/lib/policy";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "console", requestId: "r-pp" };
const doc = (action: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });
const ec2Trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

/** A policy of at least `chars` characters, whitespace not counted. */
function documentOfSize(chars: number): string {
  const resources: string[] = [];
  let text = "";
  while (policySize(text) < chars) {
    resources.push(`arn:aws:s3:::bucket-number-${resources.length}/*`);
    text = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: resources }] });
  }
  return text;
}

let seq = 0;
/** A fresh principal of `kind` for one test, so no test depends on another's leftovers. */
async function freshPrincipal(kind: PrincipalKind): Promise<string> {
  const name = `${kind}-${++seq}-${Date.now().toString(36)}`;
  if (kind === "role") await roles.createRole(ctx, { RoleName: name, AssumeRolePolicyDocument: ec2Trust });
  else if (kind === "user") await users.createUser(ctx, { UserName: name });
  else await groups.createGroup(ctx, { GroupName: name });
  return name;
}

/** Eleven customer policies in the account, made once: the quota is ten. */
const customerPolicyArns: string[] = [];

beforeAll(async () => {
  await useFreshTestDb();
  for (let i = 1; i <= 11; i++)
    customerPolicyArns.push((await policies.createPolicy(ctx, { PolicyName: `quota-policy-${i}`, PolicyDocument: doc("s3:GetObject") })).arn);
});

describe.each(PRINCIPAL_KINDS)("the permissions of a %s", (kind) => {
  const ops = PERMISSIONS[kind];
  const rules = PRINCIPAL_RULES[kind];
  const noun = rules.noun;

  it(`attaches ten managed policies and refuses the eleventh with PoliciesPer${noun}`, async () => {
    const name = await freshPrincipal(kind);
    for (const arn of customerPolicyArns.slice(0, 10)) await ops.attachPolicy(ctx, name, arn);
    await ops.attachPolicy(ctx, name, customerPolicyArns[0]); // attaching again changes nothing, as in IAM
    expect((await ops.listAttachedPolicies(ctx, name)).items).toHaveLength(10);

    const eleventh = await refusal(ops.attachPolicy(ctx, name, customerPolicyArns[10]));
    expect(eleventh.code).toBe("LimitExceeded");
    expect(eleventh.message).toBe(`Cannot exceed quota for PoliciesPer${noun}: 10`);
    expect((await ops.listAttachedPolicies(ctx, name)).items.map((p) => p.policyArn)).toEqual(customerPolicyArns.slice(0, 10));
  });

  it("detaches an attached policy, and refuses one that is not attached or does not exist in IAM's words", async () => {
    const name = await freshPrincipal(kind);
    await ops.attachPolicy(ctx, name, READ_ONLY);
    await ops.detachPolicy(ctx, name, READ_ONLY);
    expect((await ops.listAttachedPolicies(ctx, name)).items).toEqual([]);

    for (const arn of [READ_ONLY, "arn:aws:iam::aws:policy/NoSuchPolicy"]) {
      const err = await refusal(ops.detachPolicy(ctx, name, arn));
      expect([err.code, err.status, err.message]).toEqual(["NoSuchEntity", 404, `Policy ${arn} was not found.`]);
    }
    const missing = await refusal(ops.detachPolicy(ctx, `${name}-gone`, READ_ONLY));
    expect(missing.message).toBe(`The ${kind} with name ${name}-gone cannot be found.`);
  });

  it("records each change as one audit event named for AWS's action, and a refusal as a failure", async () => {
    const name = await freshPrincipal(kind);
    await ops.putPolicy(ctx, name, "inline", doc("s3:ListBucket"));
    await refusal(ops.detachPolicy(ctx, name, READ_ONLY));
    const arn = (await ops.requirePrincipal(getDb(), ctx.accountId, name)).arn;
    const events = (await listAuditEvents({ target: arn })).map((e) => [e.action, e.outcome]);
    expect(events).toEqual(
      expect.arrayContaining([[`Put${noun}Policy`, "Success"], [`Detach${noun}Policy`, "Failure"]]),
    );
  });

  it(`refuses inline policies past the ${rules.inlinePolicySizeQuota}-character quota and keeps the others`, async () => {
    const name = await freshPrincipal(kind);
    const part = documentOfSize(rules.inlinePolicySizeQuota * 0.6);
    await ops.putPolicy(ctx, name, "one", part);
    const err = await refusal(ops.putPolicy(ctx, name, "two", part));
    expect([err.code, err.message]).toEqual(["LimitExceeded", `Maximum policy size of ${rules.inlinePolicySizeQuota} bytes exceeded for ${kind} ${name}`]);
    expect((await ops.listPolicyNames(ctx, name)).items).toEqual(["one"]);
    const gone = await refusal(ops.getPolicy(ctx, name, "two"));
    expect(gone.message).toBe(`The ${kind} policy with name two cannot be found.`);
  });

  it.runIf(rules.tags)("replaces the whole tag set in one change and one audit event", async () => {
    const name = await freshPrincipal(kind);
    await ops.tag(ctx, name, [{ Key: "team", Value: "a" }, { Key: "env", Value: "dev" }]);
    const saved = await ops.replaceTags(ctx, name, [{ Key: "env", Value: "prod" }, { Key: "owner", Value: "me" }]);
    expect(saved).toEqual([{ Key: "env", Value: "prod" }, { Key: "owner", Value: "me" }]);
    expect((await ops.listTags(ctx, name)).items).toEqual(saved);

    const arn = (await ops.requirePrincipal(getDb(), ctx.accountId, name)).arn;
    const tagEvents = (await listAuditEvents({ target: arn })).filter((e) => e.action.includes(noun) && e.action.includes("ag"));
    expect(tagEvents.map((e) => e.action)).toEqual([`Tag${noun}`, `Tag${noun}`]);

    const dup = await refusal(ops.replaceTags(ctx, name, [{ Key: "a", Value: "1" }, { Key: "A", Value: "2" }]));
    expect(dup.code).toBe("InvalidInput");
    expect((await ops.listTags(ctx, name)).items).toEqual(saved);
  });

  it.runIf(rules.boundary)("sets and removes a permissions boundary", async () => {
    const name = await freshPrincipal(kind);
    await ops.putBoundary(ctx, name, READ_ONLY);
    expect((await ops.requirePrincipal(getDb(), ctx.accountId, name)).permissionsBoundaryArn).toBe(READ_ONLY);
    await ops.deleteBoundary(ctx, name);
    expect((await ops.requirePrincipal(getDb(), ctx.accountId, name)).permissionsBoundaryArn).toBeNull();
  });
});

describe("a service-linked role", () => {
  it("refuses every change to its policies, boundary and tags", async () => {
    const name = await freshPrincipal("role");
    const role = await roles.getRole(ctx, name);
    await getDb().role.update({ where: { id: role.id }, data: { serviceLinkedService: "ecs.amazonaws.com" } });
    const ops = PERMISSIONS.role;
    for (const attempt of [
      ops.attachPolicy(ctx, name, READ_ONLY),
      ops.putPolicy(ctx, name, "p", doc("s3:GetObject")),
      ops.putBoundary(ctx, name, READ_ONLY),
      ops.replaceTags(ctx, name, [{ Key: "k", Value: "v" }]),
    ]) {
      const err = await refusal(attempt);
      expect([err.code, err.message]).toEqual(["UnmodifiableEntity", `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`]);
    }
  });
});
