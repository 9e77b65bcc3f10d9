// STS benchmark: AssumeRole (signed, trust evaluated, the session durably written) and GetCallerIdentity signed
// with session credentials, at 16 connections, plus the slowest IAM read (ListRoles, 1,000 a page) at 10,000 roles.
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, ListRolesCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { load, signedQuery as signed } from "./http-load";
import type { BenchServer } from "./server";
import { table } from "./stats";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

export async function benchSts({ baseUrl, key }: BenchServer): Promise<string> {
  const endpoint = `${baseUrl}/api/aws`;
  const iam = new IAMClient({ endpoint, region: "us-east-1", credentials: key, maxAttempts: 1 });
  const run = `sts${Date.now().toString(36)}`;
  const user = await iam.send(new CreateUserCommand({ UserName: `${run}-caller` }));
  await iam.send(new PutUserPolicyCommand({ UserName: `${run}-caller`, PolicyName: "assume", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }));
  const k = (await iam.send(new CreateAccessKeyCommand({ UserName: `${run}-caller` }))).AccessKey!;
  const callerKey = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  const role = await iam.send(
    new CreateRoleCommand({
      RoleName: `${run}-target`,
      AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: user.User!.Arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "bench-1" } } }),
    }),
  );
  const roleArn = role.Role!.Arn!;

  // 10,000 roles, so the IAM read is measured at the size the issue names (created 16 at a time).
  const existing = (await iam.send(new ListRolesCommand({ MaxItems: 1000 }))).Roles?.length ?? 0;
  let next = existing;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < 10_000) {
      const i = next++;
      await iam.send(new CreateRoleCommand({ RoleName: `${run}-r${i}`, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }) }));
    }
  }));

  const session = await new STSClient({ endpoint, region: "us-east-1", credentials: callerKey }).send(
    new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: "bench", ExternalId: "bench-1" }),
  );
  const sessionKey = { accessKeyId: session.Credentials!.AccessKeyId!, secretAccessKey: session.Credentials!.SecretAccessKey!, sessionToken: session.Credentials!.SessionToken! };

  const assume = await signed(baseUrl, callerKey, "sts", `Action=AssumeRole&Version=2011-06-15&RoleArn=${encodeURIComponent(roleArn)}&RoleSessionName=bench&ExternalId=bench-1`);
  const whoami = await signed(baseUrl, sessionKey, "sts", "Action=GetCallerIdentity&Version=2011-06-15");
  const listRoles = await signed(baseUrl, key, "iam", "Action=ListRoles&Version=2010-05-08&MaxItems=1000");

  const rows: (string | number)[][] = [];
  for (const [name, req, seconds] of [
    ["AssumeRole (user key, trust with ExternalId)", assume, 15],
    ["GetCallerIdentity (session credentials)", whoami, 15],
    ["ListRoles MaxItems=1000 at 10,000 roles (slowest IAM read)", listRoles, 10],
  ] as const) {
    await load(req, 16, 2); // warm-up
    const r = await load(req, 16, seconds);
    rows.push([name, r.requestsPerSecond.toFixed(0), r.p50.toFixed(2), r.p99.toFixed(2), r.errors, r.tool]);
  }
  return table("STS and IAM over HTTP (16 connections, signed requests replayed)", ["call", "req/s", "p50 ms", "p99 ms", "errors", "load tool"], rows);
}
