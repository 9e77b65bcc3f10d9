import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import { sessionColumns } from "@/lib/db/sts-sessions";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import * as profiles from "./instance-profiles";
import { PERMISSIONS } from "./principals";
import * as roles from "./roles";
import * as slr from "./service-linked-roles";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "console", requestId: "r-slr" };
const ECS_POLICY = "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
const serviceTrust = (service: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
const PROTECTED = (name: string) => `Cannot perform the operation on the protected role '${name}' - this role is only modifiable by AWS`;

const autoScaling = (suffix: string) => slr.createServiceLinkedRole(ctx, { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: suffix });
let seq = 0;
const suffix = () => `t${++seq}`;

beforeAll(async () => {
  await useFreshTestDb();
  // The test catalogue is small; give it ECS's service-role policy (and not Auto Scaling's) to see both paths.
  await getDb().managedPolicy.create({
    data: {
      id: "ANPATESTPOLICYECS0001",
      scope: "aws",
      name: "AmazonECSServiceRolePolicy",
      nameLower: "amazonecsservicerolepolicy",
      path: "/aws-service-role/",
      arn: ECS_POLICY,
      defaultVersionId: "v1",
      versions: { create: { versionId: "v1", number: 1, document: doc, isDefault: true } },
    },
  });
});

describe("CreateServiceLinkedRole", () => {
  it("creates the service's role under the reserved path, trusting only the service, with its policy", async () => {
    const role = await slr.createServiceLinkedRole(ctx, { AWSServiceName: "ecs.amazonaws.com", Description: "for tasks" });
    expect(role).toMatchObject({
      name: "AWSServiceRoleForECS",
      path: "/aws-service-role/ecs.amazonaws.com/",
      arn: "arn:aws:iam::111111111111:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
      description: "for tasks",
      serviceLinkedService: "ecs.amazonaws.com",
      maxSessionDuration: 3600,
    });
    expect(JSON.parse(role.trustPolicy).Statement).toEqual([{ Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" }]);
    const attached = await PERMISSIONS.role.listAttachedPolicies(ctx, role.name);
    expect(attached.items.map((a) => a.policyArn)).toEqual([ECS_POLICY]);
  });

  it("refuses the same service twice in AWS's words", async () => {
    const err = await refusal(slr.createServiceLinkedRole(ctx, { AWSServiceName: "ecs.amazonaws.com" }));
    expect([err.code, err.message]).toEqual(["InvalidInput", "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix."]);
  });

  it("takes a custom suffix where the service allows one, and attaches only policies that exist", async () => {
    const role = await autoScaling("web");
    expect(role.name).toBe("AWSServiceRoleForAutoScaling_web");
    expect((await PERMISSIONS.role.listAttachedPolicies(ctx, role.name)).items).toEqual([]);
    expect((await refusal(autoScaling("WEB"))).message).toBe("Service role name AWSServiceRoleForAutoScaling_WEB has been taken in this account, please try a different suffix.");
  });

  it("refuses a suffix the service does not allow, and an unknown service, changing nothing", async () => {
    const suffixed = await refusal(slr.createServiceLinkedRole(ctx, { AWSServiceName: "rds.amazonaws.com", CustomSuffix: "x" }));
    expect([suffixed.code, suffixed.message]).toEqual(["InvalidInput", "Custom suffix is not allowed for rds.amazonaws.com"]);
    const unknown = await refusal(slr.createServiceLinkedRole(ctx, { AWSServiceName: "OpenSearch.amazonaws.com" }));
    expect([unknown.code, unknown.message]).toEqual(["InvalidInput", "Cannot find Service Linked Role template for OpenSearch.amazonaws.com"]);
    expect((await refusal(roles.getRole(ctx, "AWSServiceRoleForRDS_x"))).code).toBe("NoSuchEntity");
    const events = await listAuditEvents({ accountId: ctx.accountId, limit: 5 });
    expect(events.filter((e) => e.action === "CreateServiceLinkedRole" && e.outcome === "Failure").length).toBeGreaterThanOrEqual(2);
  });

  it("refuses a suffix that would make the name longer than a role name may be", async () => {
    const err = await refusal(autoScaling("s".repeat(40)));
    expect(err.code).toBe("InvalidInput");
    expect(err.message).toMatch(/longer than 64 characters/);
  });

  it("counts an ordinary role of the same name as taken", async () => {
    await roles.createRole(ctx, { RoleName: "AWSServiceRoleForRedshift", AssumeRolePolicyDocument: serviceTrust("redshift.amazonaws.com") });
    expect((await refusal(slr.createServiceLinkedRole(ctx, { AWSServiceName: "redshift.amazonaws.com" }))).message).toMatch(/has been taken/);
  });
});

describe("a service-linked role is protected", () => {
  it("refuses trust, permission, boundary, tag, session-length and DeleteRole changes with UnmodifiableEntity", async () => {
    const { name } = await autoScaling(suffix());
    const ops = PERMISSIONS.role;
    for (const attempt of [
      roles.updateAssumeRolePolicy(ctx, name, doc),
      ops.putPolicy(ctx, name, "p", doc),
      ops.deletePolicy(ctx, name, "p"),
      ops.attachPolicy(ctx, name, READ_ONLY),
      ops.detachPolicy(ctx, name, ECS_POLICY),
      ops.putBoundary(ctx, name, READ_ONLY),
      ops.deleteBoundary(ctx, name),
      ops.tag(ctx, name, [{ Key: "k", Value: "v" }]),
      ops.untag(ctx, name, ["k"]),
      ops.replaceTags(ctx, name, []),
      roles.updateRole(ctx, { RoleName: name, MaxSessionDuration: 7200 }),
      roles.deleteRole(ctx, name),
      roles.deleteRoleAnyway(ctx, name),
    ]) {
      const err = await refusal(attempt);
      expect([err.code, err.message]).toEqual(["UnmodifiableEntity", PROTECTED(name)]);
    }
    expect((await roles.getRole(ctx, name)).maxSessionDuration).toBe(3600);
  });

  it("lets the description change", async () => {
    const { name } = await autoScaling(suffix());
    expect((await roles.updateRoleDescription(ctx, name, "changed")).description).toBe("changed");
    expect((await roles.updateRole(ctx, { RoleName: name, Description: "again" })).description).toBe("again");
  });

  it("may not go into an instance profile", async () => {
    const { name } = await autoScaling(suffix());
    await profiles.createInstanceProfile(ctx, { InstanceProfileName: `slr-profile-${seq}` });
    const err = await refusal(profiles.addRoleToInstanceProfile(ctx, `slr-profile-${seq}`, name));
    expect(err.code).toBe("UnmodifiableEntity");
  });

  it("keeps its service's policy to itself: customer roles may not attach it", async () => {
    await roles.createRole(ctx, { RoleName: "customer", AssumeRolePolicyDocument: serviceTrust("ec2.amazonaws.com") });
    const err = await refusal(PERMISSIONS.role.attachPolicy(ctx, "customer", ECS_POLICY));
    expect([err.code, err.message]).toEqual(["PolicyNotAttachable", "Cannot attach a Service Role Policy to a Customer Role."]);
  });
});

describe("DeleteServiceLinkedRole and its task", () => {
  const at = (t0: Date, ms: number) => new Date(t0.getTime() + ms);

  it("goes NOT_STARTED, IN_PROGRESS, then SUCCEEDED, and the role and its policies are gone", async () => {
    const role = await slr.createServiceLinkedRole(ctx, { AWSServiceName: "dax.amazonaws.com" });
    const t0 = new Date();
    const id = await slr.deleteServiceLinkedRole(ctx, role.name, t0);
    expect(id).toMatch(/^task\/aws-service-role\/dax\.amazonaws\.com\/AWSServiceRoleForDAX\/[0-9a-f-]{36}$/);
    expect((await slr.getServiceLinkedRoleDeletionStatus(ctx, id, at(t0, 100))).status).toBe("NOT_STARTED");
    expect((await slr.getServiceLinkedRoleDeletionStatus(ctx, id, at(t0, 1500))).status).toBe("IN_PROGRESS");
    expect((await roles.getRole(ctx, role.name)).name).toBe(role.name);
    const done = await slr.getServiceLinkedRoleDeletionStatus(ctx, id, at(t0, 3500));
    expect(done).toMatchObject({ status: "SUCCEEDED", roleName: "AWSServiceRoleForDAX" });
    expect(done.failure).toBeUndefined();
    expect((await refusal(roles.getRole(ctx, role.name))).code).toBe("NoSuchEntity");
    // The service may be linked again once its role is gone.
    expect((await slr.createServiceLinkedRole(ctx, { AWSServiceName: "dax.amazonaws.com" })).name).toBe("AWSServiceRoleForDAX");
  });

  it("returns the unfinished task's id when asked again", async () => {
    const { name } = await autoScaling(suffix());
    const t0 = new Date();
    const first = await slr.deleteServiceLinkedRole(ctx, name, t0);
    expect(await slr.deleteServiceLinkedRole(ctx, name, at(t0, 500))).toBe(first);
  });

  it("fails while the role has active sessions, with the reason and where they are, and keeps the role", async () => {
    const { name, id: roleId, arn } = await autoScaling(suffix());
    const t0 = new Date();
    await getDb().stsSession.create({ data: sessionColumns({
      id: "ASIATESTSESSION00001",
      kind: "AssumeRole",
      accountId: ctx.accountId,
      roleId,
      roleArn: arn,
      sessionName: "service",
      userId: null,
      arn: `arn:aws:sts::111111111111:assumed-role/${name}/service`,
      callerArn: "autoscaling.amazonaws.com",
      callerAccountId: null,
      sourceIdentity: null,
      tags: [],
      transitiveTagKeys: [],
      policy: null,
      policyArns: [],
      packedPolicySize: null,
      mfaAuthenticated: false,
      mfaAuthenticatedAt: null,
      chained: false,
      region: "eu-west-1",
      issuedAt: new Date(t0.getTime() - 60_000),
      expiresAt: new Date(t0.getTime() + 3_600_000),
      revokedAt: null,
      secretEncrypted: "not-used",
    }) });
    const id = await slr.deleteServiceLinkedRole(ctx, name, t0);
    const status = await slr.getServiceLinkedRoleDeletionStatus(ctx, id, at(t0, 4000));
    expect(status.status).toBe("FAILED");
    expect(status.failure?.reason).toMatch(/^The role has 1 active session, the last expiring at /);
    expect(status.failure?.roleUsage).toEqual([{ region: "eu-west-1", resources: [`arn:aws:sts::111111111111:assumed-role/${name}/service`] }]);
    expect((await roles.getRole(ctx, name)).name).toBe(name);
    // A failed task is finished: a new request starts a new one, which succeeds once the session is revoked.
    await getDb().stsSession.update({ where: { id: "ASIATESTSESSION00001" }, data: { revokedAt: at(t0, 4500) } });
    const again = await slr.deleteServiceLinkedRole(ctx, name, at(t0, 5000));
    expect(again).not.toBe(id);
    expect((await slr.getServiceLinkedRoleDeletionStatus(ctx, again, at(t0, 9000))).status).toBe("SUCCEEDED");
  });

  it("records the request and the outcome in the audit trail", async () => {
    const role = await autoScaling(suffix());
    const t0 = new Date();
    const id = await slr.deleteServiceLinkedRole(ctx, role.name, t0);
    await slr.runDueDeletionTasks(at(t0, 3500));
    const events = await listAuditEvents({ target: role.arn });
    expect(events.map((e) => [e.action, e.actor, e.outcome])).toEqual(
      expect.arrayContaining([
        ["DeleteServiceLinkedRole", "tester@example.com", "Success"],
        ["DeleteServiceLinkedRole", "iam.amazonaws.com", "Success"],
      ]),
    );
    expect((await slr.getServiceLinkedRoleDeletionStatus(ctx, id, at(t0, 3600))).status).toBe("SUCCEEDED");
  });

  it("refuses an ordinary role, an unknown task and a malformed task id", async () => {
    expect((await refusal(slr.deleteServiceLinkedRole(ctx, "customer"))).code).toBe("NoSuchEntity");
    expect((await refusal(slr.deleteServiceLinkedRole(ctx, "no-such-role"))).message).toBe("The role with name no-such-role cannot be found.");
    const unknown = await refusal(slr.getServiceLinkedRoleDeletionStatus(ctx, "task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-4000-8000-000000000000"));
    expect(unknown.code).toBe("NoSuchEntity");
    expect((await refusal(slr.getServiceLinkedRoleDeletionStatus(ctx, "not-a-task"))).code).toBe("InvalidInput");
  });

  it("is another account's task nowhere to be found", async () => {
    const { name } = await autoScaling(suffix());
    const id = await slr.deleteServiceLinkedRole(ctx, name);
    expect((await refusal(slr.getServiceLinkedRoleDeletionStatus({ ...ctx, accountId: "222222222222" }, id))).code).toBe("NoSuchEntity");
  });
});

describe("deletionTaskStatus", () => {
  const startsAt = new Date("2026-01-01T00:00:01Z");
  it("reads the state from the clock until the task has run, then from its outcome", () => {
    expect(slr.deletionTaskStatus({ outcome: null, startsAt }, new Date("2026-01-01T00:00:00Z"))).toBe("NOT_STARTED");
    expect(slr.deletionTaskStatus({ outcome: null, startsAt }, new Date("2026-01-01T00:00:02Z"))).toBe("IN_PROGRESS");
    expect(slr.deletionTaskStatus({ outcome: "FAILED", startsAt }, new Date("2026-01-01T00:00:00Z"))).toBe("FAILED");
  });

  it("blocks deletion only while an unrevoked session has not expired, grouping them by Region", () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const session = (arn: string, region: string, expiresAt: string, revokedAt: string | null = null) => ({ arn, region, expiresAt: new Date(expiresAt), revokedAt: revokedAt ? new Date(revokedAt) : null });
    expect(slr.sessionsBlockingDeletion([], now)).toBeNull();
    expect(slr.sessionsBlockingDeletion([session("a", "us-east-1", "2026-01-01T11:59:59Z"), session("b", "us-east-1", "2026-01-01T13:00:00Z", "2026-01-01T11:00:00Z")], now)).toBeNull();
    const blocked = slr.sessionsBlockingDeletion([session("a", "us-east-1", "2026-01-01T12:30:00Z"), session("b", "eu-west-1", "2026-01-01T13:00:00Z"), session("c", "us-east-1", "2026-01-01T12:10:00Z")], now);
    expect(blocked?.roleUsage).toEqual([{ region: "us-east-1", resources: ["a", "c"] }, { region: "eu-west-1", resources: ["b"] }]);
    expect(blocked?.reason).toBe("The role has 3 active sessions, the last expiring at 2026-01-01T13:00:00.000Z. Revoke them or wait, then request the deletion again.");
  });
});
