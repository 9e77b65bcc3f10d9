import { beforeAll, describe, expect, inject, it } from "vitest";
import {
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  GetRoleCommand,
  ListRolesCommand,
  PutUserPolicyCommand,
  UpdateRoleCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { failure, iamClient, splitDenial, trustPolicy, uniqueName } from "./support/aws";
import { ConsoleClient } from "./console-client";

const baseUrl = inject("baseUrl");
const admin = iamClient(baseUrl, { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") });

/** A fresh IAM user with one access key, signed in as an SDK client. */
async function newUserClient(): Promise<{ name: string; arn: string; client: IAMClient }> {
  const name = uniqueName("caller");
  const user = await admin.send(new CreateUserCommand({ UserName: name }));
  const key = await admin.send(new CreateAccessKeyCommand({ UserName: name }));
  const client = iamClient(baseUrl, { accessKeyId: key.AccessKey!.AccessKeyId!, secretAccessKey: key.AccessKey!.SecretAccessKey! });
  return { name, arn: user.User!.Arn!, client };
}

let bare: Awaited<ReturnType<typeof newUserClient>>;
beforeAll(async () => {
  bare = await newUserClient();
});

describe("authorizing API callers with their identity policies", () => {
  it("refuses a caller no policy allows, in AWS's words, and changes nothing", async () => {
    const role = uniqueName("denied");
    const err = await failure(bare.client.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trustPolicy() })));
    expect(err.status).toBe(403);
    expect(err.code).toBe("AccessDenied");
    expect(splitDenial(err.message).reason).toBe(
      `User: ${bare.arn} is not authorized to perform: iam:CreateRole on resource: arn:aws:iam::111111111111:role/${role} because no identity-based policy allows the iam:CreateRole action`,
    );
    expect((await failure(admin.send(new GetRoleCommand({ RoleName: role })))).code).toBe("NoSuchEntity");
  });

  it("answers malformed input with ValidationError before checking permissions", async () => {
    const err = await failure(bare.client.send(new CreateRoleCommand({ RoleName: "bad:name", AssumeRolePolicyDocument: trustPolicy() })));
    expect(err.code).toBe("ValidationError");
  });

  it("allows what an attached managed policy allows", async () => {
    const reader = await newUserClient();
    await admin.send(new AttachUserPolicyCommand({ UserName: reader.name, PolicyArn: "arn:aws:iam::aws:policy/IAMReadOnlyAccess" }));
    const listed = await reader.client.send(new ListRolesCommand({}));
    expect(listed.Roles?.length).toBeGreaterThan(0);
    const err = await failure(reader.client.send(new CreateRoleCommand({ RoleName: uniqueName("nope"), AssumeRolePolicyDocument: trustPolicy() })));
    expect(err.code).toBe("AccessDenied");
  });

  it("scopes an inline allow to matching resources and lets an explicit deny win", async () => {
    const scoped = await newUserClient();
    await admin.send(
      new PutUserPolicyCommand({
        UserName: scoped.name,
        PolicyName: "team-roles",
        PolicyDocument: JSON.stringify({
          Version: "2012-10-17",
          Statement: [
            { Effect: "Allow", Action: ["iam:CreateRole", "iam:GetRole"], Resource: "arn:aws:iam::111111111111:role/team-*" },
            { Effect: "Deny", Action: "iam:CreateRole", Resource: "arn:aws:iam::111111111111:role/team-locked*" },
          ],
        }),
      }),
    );
    const ok = uniqueName("team");
    await scoped.client.send(new CreateRoleCommand({ RoleName: ok, AssumeRolePolicyDocument: trustPolicy() }));
    expect((await scoped.client.send(new GetRoleCommand({ RoleName: ok }))).Role?.RoleName).toBe(ok);

    const outside = await failure(scoped.client.send(new CreateRoleCommand({ RoleName: uniqueName("other"), AssumeRolePolicyDocument: trustPolicy() })));
    expect(outside.message).toContain("because no identity-based policy allows the iam:CreateRole action");
    const locked = await failure(scoped.client.send(new CreateRoleCommand({ RoleName: uniqueName("team-locked"), AssumeRolePolicyDocument: trustPolicy() })));
    expect(locked.message).toContain("with an explicit deny in an identity-based policy");
  });

  it("records a refusal in the role's activity, with who and why", async () => {
    const role = uniqueName("audited");
    await admin.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trustPolicy() }));
    await failure(bare.client.send(new UpdateRoleCommand({ RoleName: role, Description: "not allowed" })));
    const console = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
    const res = await console.json<{ action: string; outcome: string; errorCode: string | null; actor: string; reason: string | null }[]>(
      "GET",
      `/api/console/roles/${role}/activity`,
    );
    const refusal = res.body.find((e) => e.action === "UpdateRole");
    expect(refusal).toMatchObject({ outcome: "Failure", errorCode: "AccessDenied", actor: bare.arn });
    expect(refusal?.reason).toContain("no identity-based policy allows the iam:UpdateRole action");
  });
});
