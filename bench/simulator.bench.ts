// Simulator benchmark: SimulatePrincipalPolicy for 50 actions × 10 resources (500 explained evaluations, the matched
// statements' positions and the per-resource results in AWS's XML) of a user with inline, managed and boundary
// policies, signed and replayed over HTTP: one connection for the latency a person waits, four for throughput.
import { AttachUserPolicyCommand, CreatePolicyCommand, CreateUserCommand, IAMClient, PutUserPermissionsBoundaryCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { load, signedQuery } from "./http-load";
import type { BenchServer } from "./server";
import { table } from "./stats";

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

const S3_ACTIONS = ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetObjectTagging", "PutObjectTagging", "GetBucketPolicy", "PutBucketPolicy", "GetObjectAcl", "PutObjectAcl"];
const OTHER_ACTIONS = ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey", "kms:DescribeKey", "dynamodb:GetItem", "dynamodb:PutItem"];

/** 50 actions: S3's ten, ten of SQS/KMS/DynamoDB, and thirty IAM ones (`iam:Get…`, `iam:List…`, `iam:Create…`). */
function actions(): string[] {
  const iam = ["User", "Role", "Policy", "Group", "InstanceProfile", "AccessKey", "LoginProfile", "SAMLProvider", "OpenIDConnectProvider", "ServiceLinkedRole"];
  return [...S3_ACTIONS.map((a) => `s3:${a}`), ...OTHER_ACTIONS, ...iam.flatMap((e) => [`iam:Get${e}`, `iam:List${e}s`, `iam:Create${e}`])].slice(0, 50);
}

export async function benchSimulator({ baseUrl, key }: BenchServer): Promise<string> {
  const endpoint = `${baseUrl}/api/aws`;
  const iam = new IAMClient({ endpoint, region: "us-east-1", credentials: key, maxAttempts: 1 });
  const name = `sim${Date.now().toString(36)}`;
  const user = (await iam.send(new CreateUserCommand({ UserName: name }))).User!;
  await iam.send(
    new PutUserPolicyCommand({
      UserName: name,
      PolicyName: "data",
      PolicyDocument: doc(
        { Effect: "Allow", Action: ["s3:Get*", "s3:List*", "s3:Put*"], Resource: ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"], Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } },
        { Effect: "Deny", Action: "s3:Delete*", Resource: "*" },
        { Effect: "Allow", Action: ["sqs:*", "kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "aws:RequestedRegion": "us-east-1" } } },
      ),
    }),
  );
  const managed = await iam.send(new CreatePolicyCommand({ PolicyName: `${name}-read`, PolicyDocument: doc({ Effect: "Allow", Action: ["iam:Get*", "iam:List*", "dynamodb:GetItem"], Resource: "*" }) }));
  await iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: managed.Policy!.Arn }));
  const boundary = await iam.send(new CreatePolicyCommand({ PolicyName: `${name}-boundary`, PolicyDocument: doc({ Effect: "Allow", Action: ["s3:*", "sqs:*", "kms:*", "iam:Get*", "iam:List*", "dynamodb:*"], Resource: "*" }) }));
  await iam.send(new PutUserPermissionsBoundaryCommand({ UserName: name, PermissionsBoundary: boundary.Policy!.Arn }));

  const resources = Array.from({ length: 10 }, (_, i) => (i < 5 ? `arn:aws:s3:::reports/2026/${i}.csv` : `arn:aws:sqs:us-east-1:111111111111:queue-${i}`));
  const params = new URLSearchParams({ Action: "SimulatePrincipalPolicy", Version: "2010-05-08", PolicySourceArn: user.Arn! });
  actions().forEach((a, i) => params.set(`ActionNames.member.${i + 1}`, a));
  resources.forEach((r, i) => params.set(`ResourceArns.member.${i + 1}`, r));
  params.set("ContextEntries.member.1.ContextKeyName", "aws:SourceIp");
  params.set("ContextEntries.member.1.ContextKeyType", "ip");
  params.set("ContextEntries.member.1.ContextKeyValues.member.1", "10.1.2.3");
  const body = params.toString();

  const req = await signedQuery(baseUrl, key, "iam", body);

  const rows: (string | number)[][] = [];
  for (const connections of [1, 4]) {
    await load(req, connections, 2); // warm-up
    const r = await load(req, connections, 15);
    rows.push([`SimulatePrincipalPolicy, 50 actions × 10 resources, ${connections} connection${connections === 1 ? "" : "s"}`, r.requestsPerSecond.toFixed(1), (r.requestsPerSecond * 500).toFixed(0), r.p50.toFixed(1), r.p99.toFixed(1), r.errors, r.tool]);
  }
  return table("Policy simulator over HTTP (signed requests replayed)", ["call", "req/s", "evaluations/s", "p50 ms", "p99 ms", "errors", "load tool"], rows);
}
