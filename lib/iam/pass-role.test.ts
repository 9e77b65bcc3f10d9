import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import type { RequestContext } from "./context";
import { whoCanPassRole } from "./pass-role";
import * as roles from "./roles";
import * as users from "./users";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "console", requestId: "r-pass" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (services: string[]) => doc({ Effect: "Allow", Principal: { Service: services }, Action: "sts:AssumeRole" });

beforeAll(useFreshTestDb);

describe("whoCanPassRole", () => {
  it("evaluates the account's users and roles from the store, for each trusted service", async () => {
    await roles.createRole(ctx, { RoleName: "worker", AssumeRolePolicyDocument: trust(["ec2.amazonaws.com", "lambda.amazonaws.com"]) });
    await users.createUser(ctx, { UserName: "deployer" });
    await users.userPermissions.putPolicy(ctx, "deployer", "pass", doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }));
    await users.createUser(ctx, { UserName: "bounded", PermissionsBoundary: "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess" });
    await users.userPermissions.attachPolicy(ctx, "bounded", "arn:aws:iam::aws:policy/AdministratorAccess");
    await roles.createRole(ctx, { RoleName: "ci", AssumeRolePolicyDocument: trust(["codebuild.amazonaws.com"]), PolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] });

    const result = await whoCanPassRole(ctx, "worker");
    expect(result.services).toEqual(["ec2.amazonaws.com", "lambda.amazonaws.com"]);
    expect(result.principalsChecked).toBe(4);
    expect(result.grants.map((g) => `${g.principal.kind}:${g.principal.name}→${g.service}`)).toEqual([
      "user:deployer→ec2.amazonaws.com",
      "role:ci→ec2.amazonaws.com",
      "role:ci→lambda.amazonaws.com",
    ]);
  });

  it("has no services to check for a role only accounts may assume, and refuses an unknown role", async () => {
    await roles.createRole(ctx, { RoleName: "cross", AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: "222222222222" }, Action: "sts:AssumeRole" }) });
    expect(await whoCanPassRole(ctx, "cross")).toEqual({ services: [], principalsChecked: 0, grants: [] });
    expect((await refusal(whoCanPassRole(ctx, "nope"))).code).toBe("NoSuchEntity");
  });
});
