import { expect, type APIRequestContext } from "@playwright/test";
import { test as base } from "./fixtures";
import { uniqueName } from "./console-api";
import { consecutiveCodes } from "../helpers/mfa";

export { expect };

/** IAM users made through the console API as the admin; deleted (keys, MFA devices and policies too) when the test ends. */
export class UsersApi {
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
    return { serialNumber: device.serialNumber };
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

export const test = base.extend<{ users: UsersApi }>({
  users: async ({ api }, use) => {
    const users = new UsersApi(api.request);
    await use(users);
    await users.cleanup();
  },
});
