import { describe, expect, inject, it } from "vitest";
import {
  AttachRolePolicyCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  DeleteRoleCommand,
  DeleteRolePermissionsBoundaryCommand,
  DeleteRolePolicyCommand,
  DeleteServiceLinkedRoleCommand,
  DetachRolePolicyCommand,
  GetRoleCommand,
  GetServiceLinkedRoleDeletionStatusCommand,
  ListAttachedRolePoliciesCommand,
  ListRolesCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAssumeRolePolicyCommand,
  UpdateRoleCommand,
  UpdateRoleDescriptionCommand,
  type DeletionTaskStatusType,
} from "@aws-sdk/client-iam";
import { failure, iamClient, identityPolicy, trustPolicy, uniqueName } from "./support/aws";

const iam = iamClient(inject("baseUrl"), { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") });
const ACCOUNT = "111111111111";
const READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

/** An Auto Scaling role of its own: the one service that takes a suffix, so tests never share a role. */
const autoScalingRole = async () =>
  (await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: uniqueName("it") }))).Role!;

/** Polls GetServiceLinkedRoleDeletionStatus until the task finishes, collecting every status seen. */
async function waitForDeletion(taskId: string): Promise<{ seen: DeletionTaskStatusType[]; last: Awaited<ReturnType<typeof status>> }> {
  const seen: DeletionTaskStatusType[] = [];
  const deadline = Date.now() + 20_000;
  for (;;) {
    const last = await status(taskId);
    if (seen.at(-1) !== last.Status) seen.push(last.Status!);
    if (last.Status === "SUCCEEDED" || last.Status === "FAILED" || Date.now() > deadline) return { seen, last };
    await new Promise((r) => setTimeout(r, 200));
  }
}
const status = (DeletionTaskId: string) => iam.send(new GetServiceLinkedRoleDeletionStatusCommand({ DeletionTaskId }));

describe("CreateServiceLinkedRole through the AWS SDK", () => {
  it("creates the service's role with AWS's name, path, trust and policy, and refuses it twice", async () => {
    const created = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "ecs.amazonaws.com", Description: "ECS tasks" }));
    const role = created.Role!;
    expect(role).toMatchObject({
      RoleName: "AWSServiceRoleForECS",
      Path: "/aws-service-role/ecs.amazonaws.com/",
      Arn: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      Description: "ECS tasks",
      MaxSessionDuration: 3600,
    });
    expect(role.RoleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument!)).Statement).toEqual([
      { Effect: "Allow", Principal: { Service: "ecs.amazonaws.com" }, Action: "sts:AssumeRole" },
    ]);
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role.RoleName }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: "AmazonECSServiceRolePolicy", PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" },
    ]);
    // GetRole and ListRoles show it as any other role, under its path.
    expect((await iam.send(new GetRoleCommand({ RoleName: "AWSServiceRoleForECS" }))).Role!.Path).toBe("/aws-service-role/ecs.amazonaws.com/");
    const listed = await iam.send(new ListRolesCommand({ PathPrefix: "/aws-service-role/ecs.amazonaws.com/" }));
    expect(listed.Roles!.map((r) => r.RoleName)).toEqual(["AWSServiceRoleForECS"]);

    const again = await failure(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "ecs.amazonaws.com" })));
    expect(again).toEqual({ code: "InvalidInput", status: 400, message: "Service role name AWSServiceRoleForECS has been taken in this account, please try a different suffix." });

    const { seen } = await waitForDeletion((await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForECS" }))).DeletionTaskId!);
    expect(seen.at(-1)).toBe("SUCCEEDED");
  });

  it("takes a suffix for Auto Scaling, and refuses one elsewhere and an unknown service", async () => {
    const role = await autoScalingRole();
    expect(role.RoleName).toMatch(/^AWSServiceRoleForAutoScaling_it-[0-9a-f]{10}$/);
    const suffixed = await failure(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "rds.amazonaws.com", CustomSuffix: "x" })));
    expect(suffixed).toEqual({ code: "InvalidInput", status: 400, message: "Custom suffix is not allowed for rds.amazonaws.com" });
    const unknown = await failure(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "example.amazonaws.com" })));
    expect(unknown).toEqual({ code: "InvalidInput", status: 400, message: "Cannot find Service Linked Role template for example.amazonaws.com" });
    const bad = await failure(iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: "has space" })));
    expect(bad.code).toBe("ValidationError");
    expect(bad.message).toContain("'customSuffix' failed to satisfy constraint");
  });

  it("keeps CreateRole off the reserved path", async () => {
    const err = await failure(
      iam.send(new CreateRoleCommand({ RoleName: uniqueName("sneaky"), Path: "/aws-service-role/ecs.amazonaws.com/", AssumeRolePolicyDocument: trustPolicy() })),
    );
    expect(err).toEqual({ code: "InvalidInput", status: 400, message: "Path prefix '/aws-service-role/' can only be used for AWS Service linked Roles" });
  });
});

describe("a service-linked role refuses changes", () => {
  it("to its trust, policies, boundary, tags, session length and plain DeleteRole, with UnmodifiableEntity", async () => {
    const role = await autoScalingRole();
    const RoleName = role.RoleName!;
    const attempts = [
      new UpdateAssumeRolePolicyCommand({ RoleName, PolicyDocument: trustPolicy() }),
      new PutRolePolicyCommand({ RoleName, PolicyName: "p", PolicyDocument: identityPolicy() }),
      new DeleteRolePolicyCommand({ RoleName, PolicyName: "p" }),
      new AttachRolePolicyCommand({ RoleName, PolicyArn: READ_ONLY }),
      new DetachRolePolicyCommand({ RoleName, PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AutoScalingServiceRolePolicy" }),
      new PutRolePermissionsBoundaryCommand({ RoleName, PermissionsBoundary: READ_ONLY }),
      new DeleteRolePermissionsBoundaryCommand({ RoleName }),
      new TagRoleCommand({ RoleName, Tags: [{ Key: "k", Value: "v" }] }),
      new UntagRoleCommand({ RoleName, TagKeys: ["k"] }),
      new UpdateRoleCommand({ RoleName, MaxSessionDuration: 7200 }),
      new DeleteRoleCommand({ RoleName }),
    ];
    for (const command of attempts) {
      // The union of commands is too wide for send's overloads; each is an IAM command all the same.
      const err = await failure(iam.send(command as UpdateRoleCommand));
      expect(err, command.constructor.name).toEqual({
        code: "UnmodifiableEntity",
        status: 400,
        message: `Cannot perform the operation on the protected role '${RoleName}' - this role is only modifiable by AWS`,
      });
    }
    const now = (await iam.send(new GetRoleCommand({ RoleName }))).Role!;
    expect(now.MaxSessionDuration).toBe(3600);
    expect(now.Tags).toBeUndefined();
  });

  it("but its description may change", async () => {
    const role = await autoScalingRole();
    const updated = await iam.send(new UpdateRoleDescriptionCommand({ RoleName: role.RoleName, Description: "scales the web tier" }));
    expect(updated.Role!.Description).toBe("scales the web tier");
    await iam.send(new UpdateRoleCommand({ RoleName: role.RoleName, Description: "and the API tier" }));
    expect((await iam.send(new GetRoleCommand({ RoleName: role.RoleName }))).Role!.Description).toBe("and the API tier");
  });

  it("keeps its service's policy away from customer roles", async () => {
    const name = uniqueName("customer");
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const err = await failure(iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy" })));
    expect(err).toEqual({ code: "PolicyNotAttachable", status: 400, message: "Cannot attach a Service Role Policy to a Customer Role." });
  });
});

describe("DeleteServiceLinkedRole and GetServiceLinkedRoleDeletionStatus", () => {
  it("run a task that goes through its states to SUCCEEDED, and the role is gone", async () => {
    const role = await autoScalingRole();
    const { DeletionTaskId } = await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: role.RoleName }));
    expect(DeletionTaskId).toMatch(new RegExp(`^task/aws-service-role/autoscaling\\.amazonaws\\.com/${role.RoleName}/[0-9a-f-]{36}$`));
    // Asked again while it runs, IAM answers with the same task.
    expect((await iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: role.RoleName }))).DeletionTaskId).toBe(DeletionTaskId);
    const { seen, last } = await waitForDeletion(DeletionTaskId!);
    expect(seen).toEqual(["NOT_STARTED", "IN_PROGRESS", "SUCCEEDED"]);
    expect(last.Reason).toBeUndefined();
    expect((await failure(iam.send(new GetRoleCommand({ RoleName: role.RoleName })))).code).toBe("NoSuchEntity");
  });

  it("refuse an ordinary role, a missing role, an unknown task and a malformed task id", async () => {
    const name = uniqueName("plain");
    await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trustPolicy() }));
    const plain = await failure(iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: name })));
    expect([plain.code, plain.status]).toEqual(["NoSuchEntity", 404]);
    const missing = await failure(iam.send(new DeleteServiceLinkedRoleCommand({ RoleName: "AWSServiceRoleForNothing" })));
    expect(missing).toEqual({ code: "NoSuchEntity", status: 404, message: "The role with name AWSServiceRoleForNothing cannot be found." });
    const unknown = await failure(status("task/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS/00000000-0000-4000-8000-000000000000"));
    expect([unknown.code, unknown.status]).toEqual(["NoSuchEntity", 404]);
    const malformed = await failure(status("task/nothing"));
    expect([malformed.code, malformed.status]).toEqual(["InvalidInput", 400]);
  });
});
