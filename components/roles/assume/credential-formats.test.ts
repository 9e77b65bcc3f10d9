import { describe, expect, it } from "vitest";
import { assumeRoleCliCommand, credentialProcessJson, credentialsFileProfile, durationChoices, shellExports } from "./credential-formats";

const c = { accessKeyId: "ASIAEXAMPLE123456789", secretAccessKey: "abc/def+ghi=", sessionToken: "AQ+token/x==", expiration: "2030-01-01T12:00:00.000Z" };

describe("credential formats", () => {
  it("writes the three forms people paste", () => {
    expect(shellExports(c)).toBe("export AWS_ACCESS_KEY_ID=ASIAEXAMPLE123456789\nexport AWS_SECRET_ACCESS_KEY=abc/def+ghi=\nexport AWS_SESSION_TOKEN=AQ+token/x==");
    expect(credentialsFileProfile(c, "deploy role")).toBe(
      "[deploy-role]\naws_access_key_id = ASIAEXAMPLE123456789\naws_secret_access_key = abc/def+ghi=\naws_session_token = AQ+token/x==",
    );
    expect(JSON.parse(credentialProcessJson(c))).toEqual({ Version: 1, AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: c.expiration });
  });
});

describe("assumeRoleCliCommand", () => {
  it("carries every parameter, quoted for a POSIX shell, with the spent MFA code left out", () => {
    const cmd = assumeRoleCliCommand(
      {
        RoleArn: "arn:aws:iam::111111111111:role/deploy",
        RoleSessionName: "ci",
        DurationSeconds: 900,
        ExternalId: "it's",
        SerialNumber: "arn:aws:iam::111111111111:mfa/phone",
        SourceIdentity: "alice",
        Tags: [{ Key: "team", Value: "blue sky" }],
        TransitiveTagKeys: ["team"],
        Policy: '{ "Version": "2012-10-17" }',
        PolicyArns: [{ arn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
      },
      "http://localhost:3000/api/aws",
    );
    expect(cmd.split(" \\\n    ")).toEqual([
      "aws sts assume-role --endpoint-url http://localhost:3000/api/aws",
      "--role-arn arn:aws:iam::111111111111:role/deploy",
      "--role-session-name ci",
      "--duration-seconds 900",
      "--external-id 'it'\\''s'",
      "--serial-number arn:aws:iam::111111111111:mfa/phone",
      "--token-code <code from the device>",
      "--source-identity alice",
      "--tags 'Key=team,Value=blue sky'",
      "--transitive-tag-keys team",
      `--policy '{"Version":"2012-10-17"}'`,
      "--policy-arns arn=arn:aws:iam::aws:policy/ReadOnlyAccess",
    ]);
  });

  it("leaves out the default duration and what was not given", () => {
    expect(assumeRoleCliCommand({ RoleArn: "arn:aws:iam::111111111111:role/r", RoleSessionName: "s", DurationSeconds: 3600 }, "http://h/api/aws")).toBe(
      "aws sts assume-role --endpoint-url http://h/api/aws \\\n    --role-arn arn:aws:iam::111111111111:role/r \\\n    --role-session-name s",
    );
  });
});

describe("durationChoices", () => {
  it("stops at the role's MaxSessionDuration, which is always offered, and at one hour for a chain", () => {
    expect(durationChoices(3600, false)).toEqual([900, 1800, 3600]);
    expect(durationChoices(43200, false)).toEqual([900, 1800, 3600, 7200, 14400, 21600, 28800, 43200]);
    expect(durationChoices(5400, false)).toEqual([900, 1800, 3600, 5400]);
    expect(durationChoices(43200, true)).toEqual([900, 1800, 3600]);
  });
});
