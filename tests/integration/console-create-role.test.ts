import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, ec2Trust, uniqueName } from "./console-client";

/*
 * The wizard's Create role (POST /api/console/roles): the role with its managed and inline policies, boundary,
 * tags and EC2 instance profile in one request and one transaction; a refusal names the member it is about
 * (`error.field`), so the wizard shows IAM's words beside that input, and leaves nothing behind.
 */

type ApiError = { error: { code: string; message: string; field?: string } };
type RoleBody = { name: string; arn: string; path: string; description: string | null; maxSessionDuration: number; permissionsBoundaryArn: string | null; tags: { Key: string; Value: string }[] };

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const inline = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:GetLogEvents", Resource: "*" }] });
const everything = (name: string) => ({
  RoleName: name,
  Path: "/fleet/",
  AssumeRolePolicyDocument: ec2Trust,
  Description: "Web servers",
  MaxSessionDuration: 7200,
  PermissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess",
  Tags: [{ Key: "team", Value: "web" }],
  PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
  InlinePolicies: [{ PolicyName: "read-logs", PolicyDocument: inline }],
  CreateInstanceProfile: true,
});

/** Nothing of a refused create exists: no role (so no policies), no instance profile. */
async function assertNothingMade(name: string) {
  expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
  expect((await admin.json("GET", `/api/console/instance-profiles/${name}`)).status).toBe(404);
}

async function cleanUp(name: string) {
  await admin.json("DELETE", `/api/console/instance-profiles/${name}?removeRole=true`);
  expect((await admin.json("DELETE", `/api/console/roles/${name}?withPolicies=true`)).status).toBe(204);
}

describe("the wizard's Create role", () => {
  it("makes the role, its policies, boundary, tags and instance profile in one request", async () => {
    const name = uniqueName("wizard");
    const res = await admin.json<RoleBody>("POST", "/api/console/roles", everything(name));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name, path: "/fleet/", description: "Web servers", maxSessionDuration: 7200, permissionsBoundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess", tags: [{ Key: "team", Value: "web" }] });
    const attached = await admin.json<{ policyArn: string }[]>("GET", `/api/console/roles/${name}/attached-policies`);
    expect(attached.body.map((p) => p.policyArn)).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
    const inlines = await admin.json<{ name: string; document: string }[]>("GET", `/api/console/roles/${name}/inline-policies`);
    expect(inlines.body.map((p) => [p.name, p.document])).toEqual([["read-logs", inline]]);
    const profile = await admin.json<{ roles: { name: string }[] }>("GET", `/api/console/instance-profiles/${name}`);
    expect(profile.body.roles.map((r) => r.name)).toEqual([name]);
    await cleanUp(name);
  });

  it.each([
    ["a malformed inline policy", { InlinePolicies: [{ PolicyName: "wide", PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*"}]}' }] }, "MalformedPolicyDocument", "InlinePolicies.0.PolicyDocument"],
    ["a managed policy that does not exist", { PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/NoSuchPolicy"] }, "NoSuchEntity", "PolicyArns.1"],
    ["a boundary that does not exist", { PermissionsBoundary: "arn:aws:iam::aws:policy/NoSuchBoundary" }, "NoSuchEntity", "PermissionsBoundary"],
    ["tag keys equal ignoring case", { Tags: [{ Key: "team", Value: "a" }, { Key: "TEAM", Value: "b" }] }, "InvalidInput", "Tags"],
    ["a trust policy naming a user that does not exist", { AssumeRolePolicyDocument: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:user/nobody-here" }, Action: "sts:AssumeRole" }] }) }, "MalformedPolicyDocument", "AssumeRolePolicyDocument"],
    ["the reserved service-linked path", { Path: "/aws-service-role/ec2.amazonaws.com/" }, "InvalidInput", "Path"],
    ["a name that breaks the pattern", { RoleName: "has spaces" }, "ValidationError", "RoleName"],
    ["a tag key that breaks the pattern", { Tags: [{ Key: "ok", Value: "" }, { Key: "bad#key", Value: "" }] }, "ValidationError", "Tags.1.Key"],
  ])("refuses %s beside its field, in IAM's words, and makes nothing", async (_what, patch, code, field) => {
    const name = uniqueName("refused");
    const res = await admin.json<ApiError>("POST", "/api/console/roles", { ...everything(name), ...patch });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect([res.body.error.code, res.body.error.field]).toEqual([code, field]);
    await assertNothingMade(name);
  });

  it("says the name is taken when the role or its instance profile exists, and makes nothing else", async () => {
    const name = uniqueName("taken");
    expect((await admin.json("POST", "/api/console/instance-profiles", { InstanceProfileName: name })).status).toBe(201);
    const profileTaken = await admin.json<ApiError>("POST", "/api/console/roles", everything(name));
    expect(profileTaken.body.error).toMatchObject({ code: "EntityAlreadyExists", message: `Instance Profile ${name} already exists.`, field: "RoleName" });
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
    expect((await admin.json("DELETE", `/api/console/instance-profiles/${name}`)).status).toBe(204);

    expect((await admin.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust })).status).toBe(201);
    const roleTaken = await admin.json<ApiError>("POST", "/api/console/roles", everything(name.toUpperCase()));
    expect(roleTaken.body.error).toMatchObject({ code: "EntityAlreadyExists", message: `Role with name ${name.toUpperCase()} already exists.`, field: "RoleName" });
    expect((await admin.json("GET", `/api/console/instance-profiles/${name.toUpperCase()}`)).status).toBe(404);
    expect((await admin.json("DELETE", `/api/console/roles/${name}`)).status).toBe(204);
  });

  it("refuses a viewer, whatever the request holds, and makes nothing", async () => {
    const name = uniqueName("viewer");
    const res = await viewer.json<ApiError>("POST", "/api/console/roles", everything(name));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("AccessDenied");
    await assertNothingMade(name);
  });

  it("ignores a __proto__ member and keeps the request's own fields", async () => {
    const name = uniqueName("proto");
    const body = `{"RoleName":"${name}","AssumeRolePolicyDocument":${JSON.stringify(ec2Trust)},"__proto__":{"CreateInstanceProfile":true,"PermissionsBoundary":"arn:aws:iam::aws:policy/AdministratorAccess"}}`;
    const res = await admin.request("POST", "/api/console/roles", { body, headers: { "content-type": "application/json" } });
    expect(res.status).toBe(201);
    const role = await admin.json<RoleBody>("GET", `/api/console/roles/${name}`);
    expect(role.body.permissionsBoundaryArn).toBeNull();
    expect((await admin.json("GET", `/api/console/instance-profiles/${name}`)).status).toBe(404);
    expect((await admin.json("DELETE", `/api/console/roles/${name}`)).status).toBe(204);
  });
});
