import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  AddUserToGroupCommand,
  AttachGroupPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserPolicyCommand,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  type IAMClient,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { failure, iamClient, splitDenial, uniqueName } from "../integration/support/aws";
import { asCredentials, iamClientWith, stsClient, type SessionCredentials } from "../integration/support/sts";
import { ConsoleClient } from "../integration/console-client";
import { startServer, TEST_ACCESS_KEY, TEST_ADMIN, type RunningServer } from "../support/server";
import { freshDatabase } from "../support/postgres";

/**
 * Two instances on one PostgreSQL database cache what authorization reads (a caller's policies, a role's trust
 * policy, revocations). A change made through one must be enforced by the other on its very next request: the
 * caches follow the store's version counter in the database, not a clock. Each test first warms the other
 * instance's caches with a request that succeeds, then changes the store through the first, then checks at once.
 */

let a: RunningServer;
let b: RunningServer;
let adminOnA: IAMClient;
const ACCT = "111111111111";
const admin = { accessKeyId: TEST_ACCESS_KEY.id, secretAccessKey: TEST_ACCESS_KEY.secret };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

beforeAll(async () => {
  const databaseUrl = await freshDatabase(inject("postgresServerUrl"), "caches");
  [a, b] = await Promise.all([startServer({ databaseUrl }), startServer({ databaseUrl })]);
  adminOnA = iamClient(a.baseUrl, admin);
});

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function userWithKey(policy: object): Promise<{ name: string; key: SessionCredentials }> {
  const name = uniqueName("cache-user");
  await adminOnA.send(new CreateUserCommand({ UserName: name }));
  await adminOnA.send(new PutUserPolicyCommand({ UserName: name, PolicyName: "p", PolicyDocument: doc(policy) }));
  const key = (await adminOnA.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
  return { name, key: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
}

describe("caches across two instances on one PostgreSQL database", () => {
  it("a user's policy removed on one instance is no longer honoured by the other on its next request", async () => {
    const u = await userWithKey({ Effect: "Allow", Action: "iam:ListRoles", Resource: "*" });
    const onB = iamClient(b.baseUrl, u.key);
    await onB.send(new ListRolesCommand({}));
    await onB.send(new ListRolesCommand({}));

    await adminOnA.send(new DeleteUserPolicyCommand({ UserName: u.name, PolicyName: "p" }));
    expect((await failure(onB.send(new ListRolesCommand({})))).code).toBe("AccessDenied");
  });

  it("a trust policy changed on one instance decides the next AssumeRole on the other", async () => {
    const u = await userWithKey({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" });
    const role = uniqueName("cache-role");
    const userArn = `arn:aws:iam::${ACCT}:user/${u.name}`;
    const arn = (
      await adminOnA.send(
        new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: userArn }, Action: "sts:AssumeRole" }) }),
      )
    ).Role!.Arn!;
    const stsOnB = stsClient(b.baseUrl, u.key);
    await stsOnB.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "first" }));

    await adminOnA.send(
      new UpdateAssumeRolePolicyCommand({ RoleName: role, PolicyDocument: doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }) }),
    );
    const refused = await failure(stsOnB.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "second" })));
    expect(refused.code).toBe("AccessDenied");
    expect(splitDenial(refused.message).reason).toBe(`User: ${userArn} is not authorized to perform: sts:AssumeRole on resource: ${arn}`);
  });

  it("sessions revoked on one instance (AWSRevokeOlderSessions) are refused by the other on their next request", async () => {
    const role = uniqueName("cache-revoke");
    const arn = (
      await adminOnA.send(
        new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: "sts:AssumeRole" }) }),
      )
    ).Role!.Arn!;
    await adminOnA.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: "list", PolicyDocument: doc({ Effect: "Allow", Action: "iam:ListRoles", Resource: "*" }) }));
    const issued = await stsClient(a.baseUrl, admin).send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: "to-revoke" }));
    const session = asCredentials(issued.Credentials);
    const sessionOnB = iamClientWith(b.baseUrl, session);
    await sessionOnB.send(new ListRolesCommand({}));
    expect((await stsClient(b.baseUrl, session).send(new GetCallerIdentityCommand({}))).Arn).toBe(`arn:aws:sts::${ACCT}:assumed-role/${role}/to-revoke`);

    // What the AWS console's "Revoke active sessions" writes: deny everything to sessions issued before now.
    const now = new Date(Date.now() + 1000).toISOString();
    await adminOnA.send(
      new PutRolePolicyCommand({
        RoleName: role,
        PolicyName: "AWSRevokeOlderSessions",
        PolicyDocument: doc({ Effect: "Deny", Action: "*", Resource: "*", Condition: { DateLessThan: { "aws:TokenIssueTime": now } } }),
      }),
    );
    expect((await failure(sessionOnB.send(new ListRolesCommand({})))).code).toBe("AccessDenied");
  });

  it("who can assume a role, answered by the other instance, shows each change on its next request", async () => {
    const role = uniqueName("who-can");
    const user = uniqueName("who-can-user");
    const group = uniqueName("who-can-group");
    const roleArn = `arn:aws:iam::${ACCT}:role/${role}`;
    const userArn = `arn:aws:iam::${ACCT}:user/${user}`;
    await adminOnA.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: ACCT }, Action: "sts:AssumeRole" }) }));
    await adminOnA.send(new CreateUserCommand({ UserName: user }));
    const consoleOnB = await ConsoleClient.signIn(TEST_ADMIN.email, TEST_ADMIN.password, b.baseUrl);
    const assumersOnB = async () => {
      // The Who can assume tab's direct group, searched for the user (other principals of the account may fill a page).
      const res = await consoleOnB.json<{ groups: { direct: { rows: { subject: string }[] } } }>("GET", `/api/console/roles/${role}/access?group=direct&q=${user}`);
      expect(res.status).toBe(200);
      return res.body.groups.direct.rows.map((r) => r.subject);
    };
    const allowAssume = (Resource: string) => doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource });
    expect(await assumersOnB()).not.toContain(userArn);

    // The user's own policy.
    await adminOnA.send(new PutUserPolicyCommand({ UserName: user, PolicyName: "assume", PolicyDocument: allowAssume(roleArn) }));
    expect(await assumersOnB()).toContain(userArn);
    await adminOnA.send(new DeleteUserPolicyCommand({ UserName: user, PolicyName: "assume" }));
    expect(await assumersOnB()).not.toContain(userArn);

    // A group's managed policy, then its next default version.
    await adminOnA.send(new CreateGroupCommand({ GroupName: group }));
    await adminOnA.send(new AddUserToGroupCommand({ GroupName: group, UserName: user }));
    const policyArn = (await adminOnA.send(new CreatePolicyCommand({ PolicyName: uniqueName("who-can-policy"), PolicyDocument: allowAssume(roleArn) }))).Policy!.Arn!;
    await adminOnA.send(new AttachGroupPolicyCommand({ GroupName: group, PolicyArn: policyArn }));
    expect(await assumersOnB()).toContain(userArn);
    await adminOnA.send(new CreatePolicyVersionCommand({ PolicyArn: policyArn, PolicyDocument: allowAssume(`${roleArn}-other`), SetAsDefault: true }));
    expect(await assumersOnB()).not.toContain(userArn);
  });
});
