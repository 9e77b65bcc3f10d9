import { test as base } from "@playwright/test";
import { ConsoleApi, GroupsApi, InstanceProfilesApi, PoliciesApi, ProvidersApi, UsersApi } from "./console-api";
import { E2E } from "./env";

export { expect } from "@playwright/test";

/**
 * `api`, `users`, `groups`, `policies`, `providers`, `profiles`: the console API as the admin, with clean-up of what
 * the test created (roles, service-linked roles, IAM users, groups, customer policies, identity providers, instance
 * profiles). Pages start signed in as admin.
 */
export const test = base.extend<{ api: ConsoleApi; users: UsersApi; groups: GroupsApi; policies: PoliciesApi; providers: ProvidersApi; profiles: InstanceProfilesApi }>({
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
  // Groups go before the users and policies they hold (fixtures tear down in reverse order of setup).
  groups: async ({ api, users: _users, policies: _policies }, use) => {
    const groups = new GroupsApi(api.request);
    await use(groups);
    await groups.cleanup();
  },
  policies: async ({ api }, use) => {
    const policies = new PoliciesApi(api.request);
    await use(policies);
    await policies.cleanup();
  },
  providers: async ({ api }, use) => {
    const providers = new ProvidersApi(api.request);
    await use(providers);
    await providers.cleanup();
  },
  // Cleaned up before `api` (it depends on it), so a profile lets go of its role before the role is deleted.
  profiles: async ({ api }, use) => {
    const profiles = new InstanceProfilesApi(api.request);
    await use(profiles);
    await profiles.cleanup();
  },
});
