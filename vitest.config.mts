import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "@": path.resolve(import.meta.dirname) };

/** The integration suite, against a server on the store its global setup starts. */
const integrationProject = (name: string, globalSetup: string) => ({
  resolve: { alias },
  test: {
    name,
    include: ["tests/integration/**/*.test.ts"],
    environment: "node" as const,
    globalSetup: [globalSetup],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "components/**/*.test.ts"],
          environment: "node",
          // Some tests load the AWS action catalogue (~2 s alone, more on a busy 2-core machine).
          testTimeout: 30_000,
        },
      },
      integrationProject("integration", "tests/integration/global-setup.ts"),
      integrationProject("integration-postgres", "tests/integration/global-setup-postgres.ts"),
      {
        resolve: { alias },
        test: {
          // Several servers on one store: racing writers, a crash mid-load, backup and restore across stores.
          name: "store",
          include: ["tests/store/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/store/global-setup.ts"],
          // Each test starts servers and drives load; a ceiling for a 2-core machine shared with other builds.
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
