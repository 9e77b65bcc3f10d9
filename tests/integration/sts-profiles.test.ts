import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { CreateRoleCommand, CreateUserCommand, CreateAccessKeyCommand, PutUserPolicyCommand } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { fromIni } from "@aws-sdk/credential-provider-ini";
import { iamClient, uniqueName } from "./support/aws";

/**
 * A shared-config profile with `role_arn` and `source_profile`, resolved by the SDK's own credential provider (the
 * one the CLI's botocore twin implements): it calls AssumeRole with the source profile's key, and the client then
 * signs with the session it got. Nothing Roleplane-specific but the endpoint.
 */

const baseUrl = inject("baseUrl");
const iam = iamClient(baseUrl, { accessKeyId: inject("adminAccessKeyId"), secretAccessKey: inject("adminSecretAccessKey") });
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("a role profile", () => {
  it("works unchanged against Roleplane", async () => {
    const userName = uniqueName("profile-user");
    const user = await iam.send(new CreateUserCommand({ UserName: userName }));
    await iam.send(new PutUserPolicyCommand({ UserName: userName, PolicyName: "assume", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: userName }))).AccessKey!;
    const roleName = uniqueName("profile-role");
    const role = await iam.send(
      new CreateRoleCommand({ RoleName: roleName, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: user.User!.Arn }, Action: "sts:AssumeRole" }) }),
    );

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-profile-"));
    fs.writeFileSync(path.join(dir, "credentials"), `[base]\naws_access_key_id = ${key.AccessKeyId}\naws_secret_access_key = ${key.SecretAccessKey}\n`);
    fs.writeFileSync(
      path.join(dir, "config"),
      `[profile base]\nregion = us-east-1\n\n[profile deployer]\nrole_arn = ${role.Role!.Arn}\nsource_profile = base\nrole_session_name = from-profile\nregion = us-east-1\n`,
    );
    const credentials = fromIni({
      profile: "deployer",
      filepath: path.join(dir, "credentials"),
      configFilepath: path.join(dir, "config"),
      clientConfig: { endpoint: `${baseUrl}/api/aws`, region: "us-east-1" },
    });
    const sts = new STSClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials, maxAttempts: 1 });
    expect(await sts.send(new GetCallerIdentityCommand({}))).toMatchObject({ Arn: `arn:aws:sts::111111111111:assumed-role/${roleName}/from-profile` });
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
