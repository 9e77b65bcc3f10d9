import { expect, type APIRequestContext } from "@playwright/test";
import { consecutiveCodes } from "../helpers/mfa";

export const EC2_TRUST = JSON.stringify({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }],
});

/** A name no other test (or earlier run) uses. */
export const uniqueName = (prefix: string) => `e2e-${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Test data through the console's own API, as a signed-in admin. Everything created is deleted when the test
 * ends (policies included), whatever the test did to it.
 */
export class ConsoleApi {
  private readonly created = new Set<string>();
  private readonly serviceLinked = new Set<string>();

  constructor(readonly request: APIRequestContext) {}

  async createRole(input: { name?: string; description?: string; path?: string; trust?: string } = {}) {
    const name = input.name ?? uniqueName("role");
    const res = await this.request.post("/api/console/roles", {
      data: { RoleName: name, Path: input.path, Description: input.description, AssumeRolePolicyDocument: input.trust ?? EC2_TRUST },
    });
    expect(res.status(), await res.text()).toBe(201);
    this.created.add(name);
    return (await res.json()) as { name: string; arn: string; id: string };
  }

  /** An EC2 Auto Scaling service-linked role with a suffix of its own (the one service that takes one). */
  async createServiceLinkedRole(suffix = uniqueName("slr").slice(4)) {
    const res = await this.request.post("/api/console/service-linked-roles", { data: { AWSServiceName: "autoscaling.amazonaws.com", CustomSuffix: suffix } });
    expect(res.status(), await res.text()).toBe(201);
    const role = (await res.json()) as { name: string; arn: string };
    this.serviceLinked.add(role.name);
    return role;
  }

  /** Registers a service-linked role the test created through the UI. */
  trackServiceLinked(name: string) {
    this.serviceLinked.add(name);
  }

  async attachPolicy(roleName: string, policyArn: string) {
    const res = await this.request.post(`/api/console/roles/${encodeURIComponent(roleName)}/attached-policies`, { data: { PolicyArn: policyArn } });
    expect(res.status(), await res.text()).toBe(204);
  }

  async roleExists(name: string) {
    return (await this.request.get(`/api/console/roles/${encodeURIComponent(name)}`)).status() === 200;
  }

  /** Registers a role the test created through the UI, so it is cleaned up too. */
  track(name: string) {
    this.created.add(name);
  }

  async cleanup() {
    for (const name of this.created)
      await this.request.delete(`/api/console/roles/${encodeURIComponent(name)}?withPolicies=true`);
    // A service-linked role goes through its deletion task, which finishes on the server a few seconds later.
    for (const name of this.serviceLinked) await this.request.post(`/api/console/roles/${encodeURIComponent(name)}/service-linked-deletion`);
  }
}

export /** Instance profiles made in a test; deleted (their role taken out first) when the test ends. */
class InstanceProfilesApi {
  private readonly created = new Set<string>();
  constructor(readonly request: APIRequestContext) {}

  async createInstanceProfile(input: { name?: string; roleName?: string } = {}) {
    const name = input.name ?? uniqueName("profile");
    const res = await this.request.post("/api/console/instance-profiles", { data: { InstanceProfileName: name, RoleName: input.roleName } });
    expect(res.status(), await res.text()).toBe(201);
    this.created.add(name);
    return (await res.json()) as { name: string; arn: string };
  }

  async exists(name: string) {
    return (await this.request.get(`/api/console/instance-profiles/${encodeURIComponent(name)}`)).status() === 200;
  }

  track(name: string) {
    this.created.add(name);
  }

  async cleanup() {
    for (const name of this.created) await this.request.delete(`/api/console/instance-profiles/${encodeURIComponent(name)}?removeRole=true`);
  }
}

export /** IAM users made through the console API as the admin; deleted (keys and policies too) when the test ends. */
class UsersApi {
  private readonly created = new Set<string>();
  constructor(readonly request: APIRequestContext) {}

  async createUser(name = uniqueName("user")) {
    const res = await this.request.post("/api/console/users", { data: { UserName: name } });
    expect(res.status(), await res.text()).toBe(201);
    this.created.add(name);
    return (await res.json()) as { name: string; arn: string };
  }

  async createAccessKey(userName: string) {
    const res = await this.request.post(`/api/console/users/${encodeURIComponent(userName)}/access-keys`);
    expect(res.status(), await res.text()).toBe(201);
    return (await res.json()) as { accessKeyId: string };
  }

  /** Creates a virtual MFA device and enables it for the user with two codes computed from its seed. */
  async assignMfaDevice(userName: string, deviceName = uniqueName("mfa")) {
    const path = `/api/console/users/${encodeURIComponent(userName)}/mfa-devices`;
    const res = await this.request.post(path, { data: { VirtualMFADeviceName: deviceName } });
    expect(res.status(), await res.text()).toBe(201);
    const device = (await res.json()) as { serialNumber: string; base32StringSeed: string };
    const [AuthenticationCode1, AuthenticationCode2] = consecutiveCodes(device.base32StringSeed);
    const enabled = await this.request.post(`${path}/enable`, { data: { SerialNumber: device.serialNumber, AuthenticationCode1, AuthenticationCode2 } });
    expect(enabled.status(), await enabled.text()).toBe(204);
    return { serialNumber: device.serialNumber, seed: device.base32StringSeed };
  }

  async putInlinePolicy(userName: string, policyName: string, document: object) {
    const res = await this.request.put(`/api/console/users/${encodeURIComponent(userName)}/inline-policies/${encodeURIComponent(policyName)}`, {
      data: { PolicyDocument: JSON.stringify(document) },
    });
    expect(res.status(), await res.text()).toBe(204);
  }

  async exists(name: string) {
    return (await this.request.get(`/api/console/users/${encodeURIComponent(name)}`)).status() === 200;
  }

  track(name: string) {
    this.created.add(name);
  }

  async cleanup() {
    for (const name of this.created) await this.request.delete(`/api/console/users/${encodeURIComponent(name)}`);
  }
}

export /** IAM groups made through the console API as the admin; deleted with their members and policies when the test ends. */
class GroupsApi {
  private readonly created = new Set<string>();
  constructor(readonly request: APIRequestContext) {}

  async createGroup(name = uniqueName("group"), path?: string) {
    const res = await this.request.post("/api/console/groups", { data: { GroupName: name, Path: path } });
    expect(res.status(), await res.text()).toBe(201);
    this.created.add(name);
    return (await res.json()) as { name: string; arn: string };
  }

  async addMembers(groupName: string, userNames: string[]) {
    const res = await this.request.post(`/api/console/groups/${encodeURIComponent(groupName)}/members`, { data: { UserNames: userNames } });
    expect(res.status(), await res.text()).toBe(204);
  }

  async attachPolicy(groupName: string, policyArn: string) {
    const res = await this.request.post(`/api/console/groups/${encodeURIComponent(groupName)}/attached-policies`, { data: { PolicyArn: policyArn } });
    expect(res.status(), await res.text()).toBe(204);
  }

  async exists(name: string) {
    return (await this.request.get(`/api/console/groups/${encodeURIComponent(name)}`)).status() === 200;
  }

  track(name: string) {
    this.created.add(name);
  }

  async cleanup() {
    for (const name of this.created) await this.request.delete(`/api/console/groups/${encodeURIComponent(name)}?withDependents=true`);
  }
}

const policyDocument = (actions: string[]) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: "*" }] }, null, 2);

export /** Customer policies made in a test; detached from whatever holds them and deleted when the test ends. */
class PoliciesApi {
  private readonly created = new Set<string>();
  constructor(readonly request: APIRequestContext) {}

  async createPolicy(name = uniqueName("policy")) {
    const res = await this.request.post("/api/console/policies", { data: { PolicyName: name, PolicyDocument: policyDocument(["s3:GetObject"]) } });
    expect(res.status(), await res.text()).toBe(201);
    this.created.add(name);
    return (await res.json()) as { name: string; arn: string };
  }

  track(name: string) {
    this.created.add(name);
  }

  async cleanup() {
    for (const name of this.created) {
      const base = `/api/console/policies/${encodeURIComponent(name)}`;
      const entities = await this.request.get(`${base}/entities?scope=local`);
      if (!entities.ok()) continue;
      const held = (await entities.json()) as Record<"roles" | "users" | "groups", { name: string }[]>;
      const { arn } = (await (await this.request.get(`${base}?scope=local`)).json()) as { arn: string };
      for (const kind of ["roles", "users", "groups"] as const)
        for (const e of held[kind]) await this.request.delete(`/api/console/${kind}/${encodeURIComponent(e.name)}/attached-policies?arn=${encodeURIComponent(arn)}`);
      await this.request.delete(`${base}?scope=local`);
    }
  }
}

export /** Identity providers made in a test through the console API as the admin; deleted when the test ends. */
class ProvidersApi {
  private readonly created = new Set<string>();
  constructor(readonly request: APIRequestContext) {}

  async createSaml(name: string, metadata: string) {
    const res = await this.request.post("/api/console/identity-providers/saml", { data: { Name: name, SAMLMetadataDocument: metadata } });
    expect(res.status(), await res.text()).toBe(201);
    const { arn } = (await res.json()) as { arn: string };
    this.created.add(arn);
    return arn;
  }

  /** The current account's demo provider, registered when missing (kept: other specs may use it). */
  async ensureDemo(kind: "oidc" | "saml") {
    const list = (await (await this.request.get("/api/console/identity-providers")).json()) as { demo: { oidcArn: string | null; samlArn: string | null } };
    const arn = kind === "oidc" ? list.demo.oidcArn : list.demo.samlArn;
    if (arn) return arn;
    const res = await this.request.post(`/api/console/identity-providers/demo/${kind}`);
    expect(res.status(), await res.text()).toBe(201);
    return ((await res.json()) as { arn: string }).arn;
  }

  async exists(arn: string) {
    return (await this.request.get(`/api/console/identity-providers/provider?arn=${encodeURIComponent(arn)}`)).status() === 200;
  }

  async delete(arn: string) {
    await this.request.delete(`/api/console/identity-providers/provider?arn=${encodeURIComponent(arn)}`);
  }

  track(arn: string) {
    this.created.add(arn);
  }

  async cleanup() {
    for (const arn of this.created) await this.delete(arn);
  }
}
