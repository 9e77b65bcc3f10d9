import type { RequestContext } from "./context";
import { isAwsError } from "@/lib/domain/errors";
import { importAccessKey } from "./access-keys";
import { createRole } from "./roles";
import { createUser, getUser, userPermissions } from "./users";
import { PARTNER_ACCOUNT_ID } from "@/lib/config";

const ADMIN_POLICY = "arn:aws:iam::aws:policy/AdministratorAccess";

/**
 * ROLEPLANE_ADMIN_ACCESS_KEY_ID/SECRET at start: an IAM user `admin` with AdministratorAccess holding that key,
 * so the AWS CLI works against a fresh install without a trip to the console.
 */
export async function ensureAdminIamUser(ctx: RequestContext, accessKeyId: string, secret: string) {
  try {
    await getUser(ctx, "admin");
  } catch (err) {
    if (!isAwsError(err) || err.code !== "NoSuchEntity") throw err;
    await createUser(ctx, { UserName: "admin" });
  }
  await userPermissions.attachPolicy(ctx, "admin", ADMIN_POLICY);
  await importAccessKey(ctx, "admin", accessKeyId, secret);
}

const trust = (statement: object) => JSON.stringify({ Version: "2012-10-17", Statement: [statement] }, null, 2);

/** A few roles that show each kind of trust, so a first look at the console is not an empty table. */
export async function seedDemoRoles(ctx: RequestContext) {
  await createRole(ctx, {
    RoleName: "app-server",
    Description: "Lets EC2 instances of the web tier read configuration from S3.",
    AssumeRolePolicyDocument: trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }),
    Tags: [{ Key: "team", Value: "web" }],
    PolicyArns: ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"],
  });
  await createRole(ctx, {
    RoleName: "partner-auditor",
    Path: "/partners/",
    Description: "Read-only access for the partner account's auditors; requires an external ID.",
    MaxSessionDuration: 7200,
    AssumeRolePolicyDocument: trust({
      Effect: "Allow",
      Principal: { AWS: `arn:aws:iam::${PARTNER_ACCOUNT_ID}:root` },
      Action: "sts:AssumeRole",
      Condition: { StringEquals: { "sts:ExternalId": "partner-2026" } },
    }),
    PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
  });
  await createRole(ctx, {
    RoleName: "lambda-basic",
    Path: "/service-role/",
    AssumeRolePolicyDocument: trust({ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }),
    PolicyArns: ["arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
  });
}
