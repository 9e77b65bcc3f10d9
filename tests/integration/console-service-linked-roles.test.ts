import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, ec2Trust, uniqueName } from "./console-client";

/**
 * The console routes of service-linked roles, instance profiles and the PassRole analysis: what an admin does
 * through them, and that a viewer is refused every change by the server.
 */

type ApiError = { error: { code: string; message: string } };
type Deletion = { deletionTaskId: string; status: string; roleName: string };
type Profile = { name: string; arn: string; roles: { name: string }[] };

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const createSlr = async (suffix = uniqueName("c")) => {
  const res = await admin.json<{ name: string; serviceLinkedService: string }>("POST", "/api/console/service-linked-roles", { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: suffix });
  expect(res.status).toBe(201);
  return res.body;
};

async function waitForStatus(taskId: string, wanted: string) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const res = await admin.json<Deletion>("GET", `/api/console/service-linked-role-deletions?taskId=${encodeURIComponent(taskId)}`);
    expect(res.status).toBe(200);
    if (res.body.status === wanted || Date.now() > deadline) return res.body;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe("service-linked roles in the console API", () => {
  it("are created from the service table, refuse edits, and are deleted through their task", async () => {
    const role = await createSlr();
    expect(role).toMatchObject({ serviceLinkedService: "autoscaling.amazonaws.com" });
    expect(role.name).toMatch(/^AWSServiceRoleForAutoScaling_c-/);

    const trust = await admin.json<ApiError>("PUT", `/api/console/roles/${role.name}/trust-policy`, { PolicyDocument: ec2Trust });
    expect(trust.status).toBe(400);
    expect(trust.body.error.code).toBe("UnmodifiableEntity");
    const plainDelete = await admin.json<ApiError>("DELETE", `/api/console/roles/${role.name}?withPolicies=true`);
    expect(plainDelete.body.error.code).toBe("UnmodifiableEntity");
    const description = await admin.json<{ description: string }>("PATCH", `/api/console/roles/${role.name}`, { Description: "still editable" });
    expect(description.body.description).toBe("still editable");

    const submitted = await admin.json<{ deletionTaskId: string }>("POST", `/api/console/roles/${role.name}/service-linked-deletion`);
    expect(submitted.status).toBe(202);
    const latest = await admin.json<Deletion>("GET", `/api/console/roles/${role.name}/service-linked-deletion`);
    expect(latest.body.deletionTaskId).toBe(submitted.body.deletionTaskId);
    expect(["NOT_STARTED", "IN_PROGRESS"]).toContain(latest.body.status);
    expect((await waitForStatus(submitted.body.deletionTaskId, "SUCCEEDED")).status).toBe("SUCCEEDED");
    expect((await admin.json("GET", `/api/console/roles/${role.name}`)).status).toBe(404);
  });

  it("refuse an unknown service and a malformed or unknown task in AWS's words", async () => {
    const unknown = await admin.json<ApiError>("POST", "/api/console/service-linked-roles", { AWSServiceName: "nothing.amazonaws.com" });
    expect([unknown.status, unknown.body.error.message]).toEqual([400, "Cannot find Service Linked Role template for nothing.amazonaws.com"]);
    const bad = await admin.json<ApiError>("GET", "/api/console/service-linked-role-deletions?taskId=nope");
    expect([bad.status, bad.body.error.code]).toEqual([400, "InvalidInput"]);
    const missing = await admin.json<ApiError>("GET", "/api/console/service-linked-role-deletions");
    expect([missing.status, missing.body.error.code]).toEqual([400, "ValidationError"]);
  });
});

describe("instance profiles in the console API", () => {
  it("are created with their role, listed for the role, and deleted anyway with the role taken out", async () => {
    const roleName = uniqueName("ip-role");
    expect((await admin.json("POST", "/api/console/roles", { RoleName: roleName, AssumeRolePolicyDocument: ec2Trust })).status).toBe(201);
    const name = uniqueName("ip");
    const created = await admin.json<Profile>("POST", "/api/console/instance-profiles", { InstanceProfileName: name, Path: "/web/", RoleName: roleName });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ arn: `arn:aws:iam::111111111111:instance-profile/web/${name}`, roles: [{ name: roleName }] });

    const forRole = await admin.json<Profile[]>("GET", `/api/console/roles/${roleName}/instance-profiles`);
    expect(forRole.body.map((p) => p.name)).toEqual([name]);
    const listed = await admin.json<{ items: Profile[]; total: number }>("GET", `/api/console/instance-profiles?search=${name}`);
    expect(listed.body.items.map((p) => p.name)).toEqual([name]);

    const full = await admin.json<ApiError>("PUT", `/api/console/instance-profiles/${name}/role`, { RoleName: roleName });
    expect([full.status, full.body.error.message]).toEqual([409, "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1"]);
    const refused = await admin.json<ApiError>("DELETE", `/api/console/instance-profiles/${name}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, "DeleteConflict"]);
    expect((await admin.json("DELETE", `/api/console/instance-profiles/${name}/role?roleName=${roleName}`)).status).toBe(204);
    expect((await admin.json("PUT", `/api/console/instance-profiles/${name}/role`, { RoleName: roleName })).status).toBe(204);
    expect((await admin.json("DELETE", `/api/console/instance-profiles/${name}?removeRole=true`)).status).toBe(204);
    expect((await admin.json("GET", `/api/console/instance-profiles/${name}`)).status).toBe(404);
    expect((await admin.json("DELETE", `/api/console/roles/${roleName}`)).status).toBe(204);
  });

  it("refuse a bad list query and a missing role parameter", async () => {
    expect((await admin.json<ApiError>("GET", "/api/console/instance-profiles?sort=role")).status).toBe(400);
    const noRole = await admin.json<ApiError>("DELETE", "/api/console/instance-profiles/whatever/role");
    expect([noRole.status, noRole.body.error.code]).toEqual([400, "ValidationError"]);
  });
});

describe("the PassRole analysis in the console API", () => {
  it("names the principals that may pass a role to its services", async () => {
    const roleName = uniqueName("passed");
    await admin.json("POST", "/api/console/roles", { RoleName: roleName, AssumeRolePolicyDocument: ec2Trust });
    const userName = uniqueName("passer");
    await admin.json("POST", "/api/console/users", { UserName: userName });
    const policy = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::111111111111:role/${roleName}` }] };
    expect((await admin.json("PUT", `/api/console/users/${userName}/inline-policies/pass`, { PolicyDocument: JSON.stringify(policy) })).status).toBe(204);
    const res = await viewer.json<{ services: string[]; grants: { principal: { name: string }; service: string }[] }>("GET", `/api/console/roles/${roleName}/pass-role`);
    expect(res.status).toBe(200);
    expect(res.body.services).toEqual(["ec2.amazonaws.com"]);
    expect(res.body.grants.filter((g) => g.principal.name === userName).map((g) => g.service)).toEqual(["ec2.amazonaws.com"]);
  });
});

describe("a viewer", () => {
  it("reads, but is refused every change, and nothing changes", async () => {
    const role = await createSlr();
    const roleName = uniqueName("viewer-ip-role");
    await admin.json("POST", "/api/console/roles", { RoleName: roleName, AssumeRolePolicyDocument: ec2Trust });
    const profile = uniqueName("viewer-ip");
    await admin.json("POST", "/api/console/instance-profiles", { InstanceProfileName: profile });

    expect((await viewer.json("GET", "/api/console/instance-profiles")).status).toBe(200);
    expect((await viewer.json("GET", `/api/console/roles/${role.name}/service-linked-deletion`)).status).toBe(200);
    const attempts = [
      ["POST", "/api/console/service-linked-roles", { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: uniqueName("v") }],
      ["POST", `/api/console/roles/${role.name}/service-linked-deletion`, undefined],
      ["POST", "/api/console/instance-profiles", { InstanceProfileName: uniqueName("v") }],
      ["PUT", `/api/console/instance-profiles/${profile}/role`, { RoleName: roleName }],
      ["DELETE", `/api/console/instance-profiles/${profile}/role?roleName=${roleName}`, undefined],
      ["DELETE", `/api/console/instance-profiles/${profile}?removeRole=true`, undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await viewer.json<ApiError>(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("AccessDenied");
    }
    expect((await admin.json<Deletion | null>("GET", `/api/console/roles/${role.name}/service-linked-deletion`)).body).toBeNull();
    expect((await admin.json<Profile>("GET", `/api/console/instance-profiles/${profile}`)).body.roles).toEqual([]);

    await admin.json("DELETE", `/api/console/instance-profiles/${profile}`);
    await admin.json("DELETE", `/api/console/roles/${roleName}`);
    await admin.json("POST", `/api/console/roles/${role.name}/service-linked-deletion`);
  });
});
