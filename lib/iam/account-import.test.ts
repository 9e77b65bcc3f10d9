import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { detailShape } from "@/lib/aws-api/iam/authorization-details";
import { ImportError, importAuthorizationDetails } from "./account-import";
import { getAccountAuthorizationDetails } from "./authorization-details";
import { listAuditEvents } from "./audit";
import type { RequestContext } from "./context";
import * as roles from "./roles";
import * as users from "./users";

const ACCT = "333333333333";
const ctx: RequestContext = { accountId: ACCT, actor: "tester@example.com", source: "api", requestId: "r-import" };
const allow = (Action: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource: "*" }] });
const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: "sts:AssumeRole" }] };

/** What `aws iam get-account-authorization-details` prints for a small account (documents decoded, as the CLI does). */
function awsOutput() {
  return {
    UserDetailList: [
      {
        Path: "/",
        UserName: "alice",
        UserId: "AIDAIMPORTALICE000001",
        Arn: `arn:aws:iam::${ACCT}:user/alice`,
        CreateDate: "2021-03-04T05:06:07Z",
        UserPolicyList: [{ PolicyName: "assume", PolicyDocument: allow("sts:AssumeRole") }],
        GroupList: ["admins"],
        AttachedManagedPolicies: [{ PolicyName: "ReadOnlyAccess", PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }],
        Tags: [{ Key: "team", Value: "platform" }],
      },
    ],
    GroupDetailList: [
      {
        Path: "/",
        GroupName: "admins",
        GroupId: "AGPAIMPORTADMINS00001",
        Arn: `arn:aws:iam::${ACCT}:group/admins`,
        CreateDate: "2020-01-02T03:04:05Z",
        // The Query API's form: URL-encoded JSON.
        GroupPolicyList: [{ PolicyName: "all", PolicyDocument: encodeURIComponent(JSON.stringify(allow("*"))) }],
        AttachedManagedPolicies: [{ PolicyName: "deploy", PolicyArn: `arn:aws:iam::${ACCT}:policy/ops/deploy` }],
      },
    ],
    RoleDetailList: [
      {
        Path: "/app/",
        RoleName: "web",
        RoleId: "AROAIMPORTWEB00000001",
        Arn: `arn:aws:iam::${ACCT}:role/app/web`,
        CreateDate: "2022-05-06T07:08:09Z",
        AssumeRolePolicyDocument: trust,
        InstanceProfileList: [
          {
            Path: "/",
            InstanceProfileName: "web",
            InstanceProfileId: "AIPAIMPORTWEB00000001",
            Arn: `arn:aws:iam::${ACCT}:instance-profile/web`,
            CreateDate: "2022-05-06T07:08:10Z",
            Roles: [],
          },
        ],
        RolePolicyList: [{ PolicyName: "logs", PolicyDocument: allow("logs:*") }],
        AttachedManagedPolicies: [
          { PolicyName: "CloudWatchAgentServerPolicy", PolicyArn: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy" },
          { PolicyName: "deploy", PolicyArn: `arn:aws:iam::${ACCT}:policy/ops/deploy` },
        ],
        PermissionsBoundary: { PermissionsBoundaryType: "Policy", PermissionsBoundaryArn: `arn:aws:iam::${ACCT}:policy/ops/deploy` },
        Tags: [{ Key: "env", Value: "prod" }],
        RoleLastUsed: { LastUsedDate: "2026-11-01T00:00:00Z", Region: "eu-west-1" },
      },
    ],
    Policies: [
      {
        PolicyName: "CloudWatchAgentServerPolicy",
        PolicyId: "ANPAIMPORTCWAGENT0001",
        Arn: "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
        Path: "/",
        DefaultVersionId: "v1",
        AttachmentCount: 1,
        PermissionsBoundaryUsageCount: 0,
        IsAttachable: true,
        CreateDate: "2019-01-01T00:00:00Z",
        UpdateDate: "2019-01-01T00:00:00Z",
        PolicyVersionList: [{ Document: allow("cloudwatch:PutMetricData"), VersionId: "v1", IsDefaultVersion: true, CreateDate: "2019-01-01T00:00:00Z" }],
      },
      {
        PolicyName: "deploy",
        PolicyId: "ANPAIMPORTDEPLOY00001",
        Arn: `arn:aws:iam::${ACCT}:policy/ops/deploy`,
        Path: "/ops/",
        DefaultVersionId: "v2",
        AttachmentCount: 2,
        PermissionsBoundaryUsageCount: 1,
        IsAttachable: true,
        Description: "deploys the app",
        CreateDate: "2020-01-01T00:00:00Z",
        UpdateDate: "2020-02-01T00:00:00Z",
        PolicyVersionList: [
          { Document: allow("codedeploy:*"), VersionId: "v2", IsDefaultVersion: true, CreateDate: "2020-02-01T00:00:00Z" },
          { Document: allow("s3:*"), VersionId: "v1", IsDefaultVersion: false, CreateDate: "2020-01-01T00:00:00Z" },
        ],
      },
    ],
  };
}

const file = (content: unknown, name = "account.json") => ({ name, text: JSON.stringify(content) });

/** Documents as parsed JSON and dates as ISO text, without absent members: both sides of a round trip compared alike. */
function canonical(v: unknown, key = ""): unknown {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === "string" && /Document$/.test(key)) return JSON.parse(/^[{[]/.test(v) ? v : decodeURIComponent(v));
  if (typeof v === "string" && /Date$/.test(key)) return new Date(v).toISOString();
  if (Array.isArray(v)) return v.map((x) => canonical(x, key));
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, /Document$/.test(k) && typeof x === "object" ? x : canonical(x, k)]));
  return v;
}

beforeAll(useFreshTestDb);

describe("importing get-account-authorization-details output", () => {
  it("names the entry at fault in a malformed file, and changes nothing", async () => {
    const bad = awsOutput();
    bad.RoleDetailList[0].Tags = [{ Key: "", Value: "x" }];
    const err = await importAuthorizationDetails([file(bad, "prod.json")], { actor: "t" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/^prod\.json: RoleDetailList\[0\]\.Tags\[0\]\.Key \(RoleName "web"\): /);

    const dangling = awsOutput();
    dangling.Policies = dangling.Policies.filter((p) => p.PolicyName !== "deploy");
    await expect(importAuthorizationDetails([file(dangling)], { actor: "t" })).rejects.toThrow(
      `account.json: GroupDetailList[0] (GroupName "admins"): attached policy arn:aws:iam::${ACCT}:policy/ops/deploy is neither in the files' Policies nor in the store`,
    );
    await expect(importAuthorizationDetails([{ name: "x.json", text: "{" }], { actor: "t" })).rejects.toThrow(/^x\.json: not JSON/);
    const wrongArn = awsOutput();
    wrongArn.UserDetailList[0].Arn = `arn:aws:iam::${ACCT}:user/bob`;
    await expect(importAuthorizationDetails([file(wrongArn)], { actor: "t" })).rejects.toThrow(`is not the ARN of user /alice`);

    await expect(roles.getRole(ctx, "web")).rejects.toMatchObject({ code: "NoSuchEntity" });
  });

  it("creates the account with its entities' own ids, ARNs, dates, tags and versions, and exports them as they came", async () => {
    const summaries = await importAuthorizationDetails([file(awsOutput())], { actor: "importer@example.com" });
    expect(summaries).toEqual([{ accountId: ACCT, users: 1, groups: 1, roles: 1, instanceProfiles: 1, policies: 1, awsManagedPolicies: 1 }]);

    const role = await roles.getRole(ctx, "web");
    expect(role).toMatchObject({ id: "AROAIMPORTWEB00000001", arn: `arn:aws:iam::${ACCT}:role/app/web`, lastUsedRegion: "eu-west-1", tags: [{ Key: "env", Value: "prod" }] });
    expect(role.createdAt.toISOString()).toBe("2022-05-06T07:08:09.000Z");
    expect((await users.getUser(ctx, "alice")).id).toBe("AIDAIMPORTALICE000001");
    expect((await listAuditEvents({ accountId: ACCT })).map((e) => [e.action, e.actor])).toContainEqual(["ImportAccountAuthorizationDetails", "importer@example.com"]);

    // The round trip: GetAccountAuthorizationDetails gives back what was imported.
    const page = await getAccountAuthorizationDetails(ctx, { maxItems: 1000 });
    const exported = { UserDetailList: [] as unknown[], GroupDetailList: [] as unknown[], RoleDetailList: [] as unknown[], Policies: [] as unknown[] };
    const list = { User: exported.UserDetailList, Group: exported.GroupDetailList, Role: exported.RoleDetailList, LocalManagedPolicy: exported.Policies, AWSManagedPolicy: exported.Policies };
    for (const entry of page.items) list[entry.type].push(detailShape(entry));
    const expected = awsOutput();
    // Inside a role's instance profile, AWS lists the role again (ours carries what AWS shows there).
    expected.RoleDetailList[0].InstanceProfileList[0].Roles = [
      { Path: "/app/", RoleName: "web", RoleId: "AROAIMPORTWEB00000001", Arn: `arn:aws:iam::${ACCT}:role/app/web`, CreateDate: "2022-05-06T07:08:09Z", AssumeRolePolicyDocument: trust },
    ] as never[];
    // Lists come back by name; ReadOnlyAccess is the store's own AWS managed policy, which the file only names.
    exported.Policies = exported.Policies.filter((p) => (p as { Arn: string }).Arn !== "arn:aws:iam::aws:policy/ReadOnlyAccess");
    expect(canonical(exported)).toMatchObject(canonical(expected) as object);
  });

  it("refuses to import an account whose entities the store already holds, naming them", async () => {
    await expect(importAuthorizationDetails([file(awsOutput())], { actor: "t" })).rejects.toThrow(
      new RegExp(`^account ${ACCT}: the store already holds arn:aws:iam::${ACCT}:`),
    );
  });
});
