import { beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, ec2Trust, uniqueName } from "./console-client";

type ApiError = { error: { code: string; message: string } };
type RoleBody = { name: string; arn: string; version: number; description: string | null; maxSessionDuration: number };

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

describe("console routes without a session", () => {
  it("refuses data with 401 and no body data", async () => {
    const anon = new ConsoleClient();
    const res = await anon.json<ApiError>("GET", "/api/console/roles");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("MissingAuthenticationToken");
    expect(JSON.stringify(res.body)).not.toContain("arn:aws:iam");
  });

  it("refuses a change with 401 and makes none", async () => {
    const anon = new ConsoleClient();
    const name = uniqueName("anon");
    const res = await anon.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust });
    expect(res.status).toBe(401);
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
  });

  it("redirects console pages to the sign-in page", async () => {
    const res = await new ConsoleClient().request("GET", "/roles");
    expect([302, 307]).toContain(res.status);
    expect(res.headers.get("location")).toContain("/login");
  });
});

describe("console roles as admin", () => {
  it("creates, reads, edits and deletes a role", async () => {
    const name = uniqueName("console");
    const created = await admin.json<RoleBody>("POST", "/api/console/roles", {
      RoleName: name,
      Path: "/console/",
      Description: "made by a test",
      AssumeRolePolicyDocument: ec2Trust,
    });
    expect(created.status).toBe(201);
    expect(created.body.arn).toBe(`arn:aws:iam::111111111111:role/console/${name}`);

    const edited = await admin.json<RoleBody>("PATCH", `/api/console/roles/${name}`, { Description: "edited", MaxSessionDuration: 7200 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ description: "edited", maxSessionDuration: 7200 });

    const listed = await admin.json<{ items: { name: string }[] }>("GET", `/api/console/roles?search=${name}`);
    expect(listed.body.items.map((r) => r.name)).toEqual([name]);

    expect((await admin.json("DELETE", `/api/console/roles/${name}`)).status).toBe(204);
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
  });

  it("answers bad input with AWS's error and writes nothing", async () => {
    const name = `${uniqueName("x")}:bad`;
    const res = await admin.json<ApiError>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("ValidationError");
    expect(res.body.error.message).toContain("Member must satisfy regular expression pattern: [\\w+=,.@-]+");

    const tooLong = await admin.json<ApiError>("PATCH", "/api/console/roles/app-server", { MaxSessionDuration: 50000 });
    expect(tooLong.body.error.message).toContain("Member must have value less than or equal to 43200");
    expect((await admin.json<RoleBody>("GET", "/api/console/roles/app-server")).body.maxSessionDuration).toBe(3600);
  });

  it("keeps DeleteConflict until the user asks to remove the policies too", async () => {
    const name = uniqueName("conflict");
    await admin.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust });
    await admin.json("POST", `/api/console/roles/${name}/attached-policies`, { PolicyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });
    const refused = await admin.json<ApiError>("DELETE", `/api/console/roles/${name}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "DeleteConflict", message: "Cannot delete entity, must detach all policies first." });
    expect((await admin.json("DELETE", `/api/console/roles/${name}?withPolicies=true`)).status).toBe(204);
  });

  it("refuses a trust-policy save over someone else's newer version", async () => {
    const name = uniqueName("race");
    const role = (await admin.json<RoleBody>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust })).body;
    const lambda = ec2Trust.replace("ec2.amazonaws.com", "lambda.amazonaws.com");
    const first = await admin.json("PUT", `/api/console/roles/${name}/trust-policy`, { PolicyDocument: lambda, ExpectedVersion: role.version });
    expect(first.status).toBe(200);
    const second = await admin.json<ApiError>("PUT", `/api/console/roles/${name}/trust-policy`, { PolicyDocument: ec2Trust, ExpectedVersion: role.version });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe("ConcurrentModification");
  });
});

describe("an EC2 role with its instance profile (the wizard's AWS service > EC2)", () => {
  type ProfileBody = { name: string; arn: string; roles: { name: string }[] };

  it("creates the role and an instance profile of the same name and path holding it", async () => {
    const name = uniqueName("ec2-profile");
    const res = await admin.json<RoleBody>("POST", "/api/console/roles", { RoleName: name, Path: "/app/", AssumeRolePolicyDocument: ec2Trust, CreateInstanceProfile: true });
    expect(res.status).toBe(201);
    const profile = await admin.json<ProfileBody>("GET", `/api/console/instance-profiles/${name}`);
    expect(profile.status).toBe(200);
    expect(profile.body.arn).toBe(`arn:aws:iam::111111111111:instance-profile/app/${name}`);
    expect(profile.body.roles.map((r) => r.name)).toEqual([name]);
    expect((await admin.json("DELETE", `/api/console/instance-profiles/${name}?removeRole=true`)).status).toBe(204);
    expect((await admin.json("DELETE", `/api/console/roles/${name}`)).status).toBe(204);
  });

  it("leaves no role behind when the profile is refused", async () => {
    const name = uniqueName("ec2-taken");
    expect((await admin.json("POST", "/api/console/instance-profiles", { InstanceProfileName: name })).status).toBe(201);
    const res = await admin.json<ApiError>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust, CreateInstanceProfile: true });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("EntityAlreadyExists");
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
    expect((await admin.json("DELETE", `/api/console/instance-profiles/${name}`)).status).toBe(204);
  });

  it("refuses a flag that is not a boolean, and a viewer, creating nothing", async () => {
    const name = uniqueName("ec2-bad");
    const bad = await admin.json<ApiError>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust, CreateInstanceProfile: "yes" });
    expect(bad.status).toBe(400);
    const refused = await viewer.json<ApiError>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust, CreateInstanceProfile: true });
    expect(refused.status).toBe(403);
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
    expect((await admin.json("GET", `/api/console/instance-profiles/${name}`)).status).toBe(404);
  });
});

describe("console roles as viewer", () => {
  it("reads everything", async () => {
    const res = await viewer.json<{ items: unknown[] }>("GET", "/api/console/roles");
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
  });

  it("is refused every change, and nothing changes", async () => {
    const name = uniqueName("viewer");
    const attempts = [
      ["POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: ec2Trust }],
      ["PATCH", "/api/console/roles/app-server", { Description: "viewer was here" }],
      ["PUT", "/api/console/roles/app-server/trust-policy", { PolicyDocument: ec2Trust }],
      ["POST", "/api/console/roles/app-server/attached-policies", { PolicyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }],
      ["DELETE", "/api/console/roles/app-server?withPolicies=true", undefined],
    ] as const;
    for (const [method, path, body] of attempts) {
      const res = await viewer.json<ApiError>(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("AccessDenied");
    }
    expect((await admin.json("GET", `/api/console/roles/${name}`)).status).toBe(404);
    const appServer = await admin.json<RoleBody>("GET", "/api/console/roles/app-server");
    expect(appServer.body.description).not.toBe("viewer was here");
    const attached = await admin.json<{ policyName: string }[]>("GET", "/api/console/roles/app-server/attached-policies");
    expect(attached.body.map((p) => p.policyName)).not.toContain("AdministratorAccess");
  });
});
