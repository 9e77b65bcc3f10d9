import type { TestProject } from "vitest/node";
import { startServer, TEST_ACCESS_KEY, TEST_ADMIN, TEST_VIEWER, type RunningServer } from "../support/server";
import { freshDatabase, testPostgresServer } from "../support/postgres";

/**
 * Integration tests talk to a real Roleplane over HTTP: `scripts/start.mjs` on a fresh store and a free port, with
 * a known console admin, viewer and IAM admin key. The suite runs twice, once per store: project `integration`
 * on SQLite (this file) and `integration-postgres` on a fresh PostgreSQL database (global-setup-postgres.ts).
 * Set ROLEPLANE_TEST_BASE_URL to aim the tests at a server you already run.
 */

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

export async function setupServer(project: TestProject, store: "sqlite" | "postgres") {
  let server: RunningServer | undefined;
  let postgres: { url: string; stop: () => void } | undefined;
  let baseUrl = process.env.ROLEPLANE_TEST_BASE_URL;
  if (!baseUrl) {
    try {
      if (store === "postgres") postgres = await testPostgresServer();
      server = await startServer({ databaseUrl: postgres && (await freshDatabase(postgres.url)) });
    } catch (err) {
      postgres?.stop();
      throw err;
    }
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
    postgres?.stop();
  };
}

export default function setup(project: TestProject) {
  return setupServer(project, "sqlite");
}
