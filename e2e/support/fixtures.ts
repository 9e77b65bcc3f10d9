import { test as base } from "@playwright/test";
import { ConsoleApi } from "./console-api";
import { E2E } from "./env";

export { expect } from "@playwright/test";

/** `api`: the console API as the admin, with clean-up of what the test created. Pages start signed in as admin. */
export const test = base.extend<{ api: ConsoleApi }>({
  storageState: E2E.storage.admin,
  api: async ({ playwright }, use) => {
    const request = await playwright.request.newContext({ baseURL: E2E.baseURL, storageState: E2E.storage.admin });
    const api = new ConsoleApi(request);
    await use(api);
    await api.cleanup();
    await request.dispose();
  },
});
