import { expect, type APIRequestContext } from "@playwright/test";

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
  }
}
