import http from "node:http";
import type { Page } from "@playwright/test";
import { E2E } from "../support/env";

/** Another origin of the same site as the console (another port on localhost), as an attacker's page would be. */
export const HOSTILE_ORIGIN = `http://localhost:${E2E.port + 7}`;

/**
 * Serves `body` from the hostile origin on a real local server (Chromium's local-network checks treat a page
 * Playwright fakes as public and would block its requests to localhost for the wrong reason) and opens it. Its
 * requests to the console carry the signed-in user's cookies, as a real attack's would: the two origins are the
 * same site, so SameSite=Lax does not hold them back. Dispose of the result to stop the server.
 */
export async function openHostilePage(page: Page, body: string): Promise<AsyncDisposable> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<!doctype html><html><body>${body}</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(E2E.port + 7, "localhost", resolve));
  await page.goto(`${HOSTILE_ORIGIN}/attack`);
  return { [Symbol.asyncDispose]: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
