import { test as base } from "@playwright/test";
import { ConsoleApi, InstanceProfilesApi, PoliciesApi, UsersApi } from "./console-api";
import { E2E } from "./env";

export { expect } from "@playwright/test";

/**
 * `api`, `users`, `policies`, `profiles`: the console API as the admin, with clean-up of what the test created
 * (roles, service-linked roles, IAM users, customer policies, instance profiles). Pages start signed in as admin.
 */
export const test = base.extend<{ api: ConsoleApi; users: UsersApi; policies: PoliciesApi; profiles: InstanceProfilesApi }>({
  storageState: E2E.storage.admin,
  api: async ({ playwright }, use) => {
    const request = await playwright.request.newContext({ baseURL: E2E.baseURL, storageState: E2E.storage.admin });
    const api = new ConsoleApi(request);
    await use(api);
    await api.cleanup();
    await request.dispose();
  },
  users: async ({ api }, use) => {
    const users = new UsersApi(api.request);
    await use(users);
    await users.cleanup();
  },
  policies: async ({ api }, use) => {
    const policies = new PoliciesApi(api.request);
    await use(policies);
    await policies.cleanup();
  },
  // Cleaned up before `api` (it depends on it), so a profile lets go of its role before the role is deleted.
  profiles: async ({ api }, use) => {
    const profiles = new InstanceProfilesApi(api.request);
    await use(profiles);
    await profiles.cleanup();
  },
});
