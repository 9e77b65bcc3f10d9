import type { TestProject } from "vitest/node";
import { startServer, type TestServer } from "./support/server";

/**
 * Integration tests talk to a real Roleplane over HTTP: `scripts/start.mjs` on a fresh data directory and a free
 * port (support/server.ts), with a known console admin, viewer and IAM admin key. It expects a current
 * `next build` (npm test builds first); set ROLEPLANE_TEST_BASE_URL to aim the tests at a server you already run.
 */

export const TEST_ADMIN = { email: "admin@example.com", password: "admin-password-1" };
export const TEST_VIEWER = { email: "viewer@example.com", password: "viewer-password-1" };
export const TEST_ACCESS_KEY = { id: "AKIAROLEPLANETEST001", secret: "roleplane/test/secret/key/0000000000000000" };

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    adminAccessKeyId: string;
    adminSecretAccessKey: string;
    adminEmail: string;
    adminPassword: string;
    viewerEmail: string;
    viewerPassword: string;
  }
}

let server: TestServer | undefined;

export default async function setup(project: TestProject) {
  let baseUrl = process.env.ROLEPLANE_TEST_BASE_URL;
  if (!baseUrl) {
    server = await startServer({
      ROLEPLANE_ADMIN_EMAIL: TEST_ADMIN.email,
      ROLEPLANE_ADMIN_PASSWORD: TEST_ADMIN.password,
      ROLEPLANE_VIEWER_EMAIL: TEST_VIEWER.email,
      ROLEPLANE_VIEWER_PASSWORD: TEST_VIEWER.password,
      ROLEPLANE_ADMIN_ACCESS_KEY_ID: TEST_ACCESS_KEY.id,
      ROLEPLANE_ADMIN_SECRET_ACCESS_KEY: TEST_ACCESS_KEY.secret,
    });
    baseUrl = server.baseUrl;
  }
  project.provide("baseUrl", baseUrl);
  project.provide("adminAccessKeyId", TEST_ACCESS_KEY.id);
  project.provide("adminSecretAccessKey", TEST_ACCESS_KEY.secret);
  project.provide("adminEmail", TEST_ADMIN.email);
  project.provide("adminPassword", TEST_ADMIN.password);
  project.provide("viewerEmail", TEST_VIEWER.email);
  project.provide("viewerPassword", TEST_VIEWER.password);

  return async () => {
    await server?.stop();
  };
}
