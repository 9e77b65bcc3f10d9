import type { TestProject } from "vitest/node";
import { testPostgresServer } from "../support/postgres";

/** The store tests start their own servers; they share one PostgreSQL server and make a database per test. */

declare module "vitest" {
  export interface ProvidedContext {
    postgresServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await testPostgresServer();
  project.provide("postgresServerUrl", postgres.url);
  return () => postgres.stop();
}
