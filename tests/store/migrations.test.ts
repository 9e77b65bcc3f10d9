import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, inject, it } from "vitest";

/** Both migration histories, applied to empty databases, give exactly what prisma/schema.prisma describes. */
it("the SQLite and PostgreSQL migrations hold every change to the schema", () => {
  const res = spawnSync(process.execPath, ["--experimental-wasm-modules", "--no-warnings", "scripts/migrate.mjs", "--check"], {
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, ROLEPLANE_DRAFT_POSTGRES_URL: inject("postgresServerUrl") },
    encoding: "utf8",
    timeout: 120_000,
  });
  expect(res.stderr).toBe("");
  expect(res.status).toBe(0);
  expect(res.stdout).toContain("Both migration histories match prisma/schema.prisma.");
});
