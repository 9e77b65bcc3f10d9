import path from "node:path";

/** The e2e server and its console users; the config passes these to `scripts/start.mjs`. */
const port = Number(process.env.E2E_PORT ?? 3210);

export const E2E = {
  port,
  baseURL: `http://localhost:${port}`,
  admin: { email: "admin@example.com", password: "e2e-admin-password-1" },
  viewer: { email: "viewer@example.com", password: "e2e-viewer-password-1" },
  storage: {
    admin: path.join(__dirname, "..", "..", "test-results", ".auth", "admin.json"),
    viewer: path.join(__dirname, "..", "..", "test-results", ".auth", "viewer.json"),
  },
} as const;
