import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "./console-client";
import { startServer, type RunningServer } from "../support/server";

/**
 * Sign-in and console sessions, on a server of their own: these tests lock accounts and stop the server, which
 * would disturb the shared one.
 */

const ADMIN = { email: "signin-admin@example.com", password: "signin-admin-password-1" };
const VIEWER = { email: "signin-viewer@example.com", password: "signin-viewer-password-1" };
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({
    env: {
      ROLEPLANE_ADMIN_EMAIL: ADMIN.email,
      ROLEPLANE_ADMIN_PASSWORD: ADMIN.password,
      ROLEPLANE_VIEWER_EMAIL: VIEWER.email,
      ROLEPLANE_VIEWER_PASSWORD: VIEWER.password,
      ROLEPLANE_SESSION_MAX_AGE: "3600",
    },
  });
});

afterAll(async () => {
  await server?.stop();
});

/** One sign-in attempt through next-auth's credentials flow: the error it reports, or null when signed in. */
async function attempt(email: string, password: string, headers: Record<string, string> = {}): Promise<string | null> {
  const c = new ConsoleClient(server.baseUrl);
  const csrf = (await (await c.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await c.request("POST", "/api/auth/callback/credentials", {
    form: { csrfToken: csrf.csrfToken, email, password, json: "true" },
    headers,
  });
  const { url } = (await res.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}

const signIn = (u: { email: string; password: string }) => ConsoleClient.signIn(u.email, u.password, server.baseUrl);

function auditEvents(action: string) {
  const db = new Database(path.join(server.dataDir, "roleplane.db"), { readonly: true });
  try {
    return db.prepare("SELECT actor, outcome, errorCode, reason FROM AuditEvent WHERE action = ? ORDER BY time").all(action) as {
      actor: string;
      outcome: string;
      errorCode: string | null;
      reason: string | null;
    }[];
  } finally {
    db.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("sign-in", () => {
  it("takes as long for an unknown email as for a known one", async () => {
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      let t = performance.now();
      expect(await attempt(VIEWER.email, `wrong-${i}`)).toBe("CredentialsSignin");
      known.push(performance.now() - t);
      t = performance.now();
      expect(await attempt(`nobody-${i}@example.com`, `wrong-${i}`)).toBe("CredentialsSignin");
      unknown.push(performance.now() - t);
    }
    // Before, a known email took ~7× longer (the password hash ran only for it).
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
    expect(await attempt(VIEWER.email, VIEWER.password)).toBeNull();
  });

  it("locks an account after five failures in a row, even against the right password, and audits it", async () => {
    for (let i = 0; i < 4; i++) expect(await attempt(VIEWER.email, `guess-${i}`)).toBe("CredentialsSignin");
    expect(await attempt(VIEWER.email, "guess-5")).toBe("Too many failed sign-in attempts. Try again in 30 seconds.");
    expect(await attempt(VIEWER.email, VIEWER.password)).toMatch(/^Too many failed sign-in attempts\. Try again in \d+ seconds\.$/);
    const events = auditEvents("ConsoleSignIn").filter((e) => e.actor === VIEWER.email);
    expect(events.filter((e) => e.errorCode === "InvalidCredentials").length).toBeGreaterThanOrEqual(9);
    expect(events.at(-1)).toMatchObject({ outcome: "Failure", errorCode: "Throttled" });
    expect(events.some((e) => e.outcome === "Success")).toBe(true);
  });

  it("throttles a client that spreads guesses over many emails, whatever X-Forwarded-For it claims", async () => {
    let error: string | null = null;
    for (let i = 0; i < 40 && !error?.startsWith("Too many"); i++)
      error = await attempt(`spray-${i}@example.com`, "wrong", { "x-forwarded-for": `198.51.100.${i}` });
    expect(error).toMatch(/^Too many failed sign-in attempts/);
    expect(await attempt(ADMIN.email, ADMIN.password, { "x-forwarded-for": "203.0.113.9" })).toMatch(/^Too many/);
  });
});

describe("console sessions end on the server", () => {
  let admin: ConsoleClient;

  beforeAll(async () => {
    // The tests above leave this client address locked for 15 minutes; clear this server's throttle rows so the
    // session tests can sign in.
    const db = new Database(path.join(server.dataDir, "roleplane.db"));
    db.prepare("DELETE FROM SignInThrottle").run();
    db.close();
    admin = await signIn(ADMIN);
  });

  it("signing out makes the old cookie worthless", async () => {
    const c = await signIn(ADMIN);
    expect((await c.request("GET", "/api/console/roles")).status).toBe(200);
    const csrf = (await (await c.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const cookieBefore = c.cookieHeader();
    await c.request("POST", "/api/auth/signout", { form: { csrfToken: csrf.csrfToken, json: "true" } });
    const replay = await fetch(`${server.baseUrl}/api/console/roles`, { headers: { cookie: cookieBefore } });
    expect(replay.status).toBe(401);
    expect(auditEvents("ConsoleSignOut").length).toBeGreaterThanOrEqual(1);
  });

  it("an admin ends all of a console user's sessions; a viewer may not", async () => {
    const viewerA = await signIn(VIEWER);
    const viewerB = await signIn(VIEWER);
    const listed = await admin.json<{ email: string; activeSessions: number }[]>("GET", "/api/console/console-users");
    expect(listed.body.find((u) => u.email === VIEWER.email)?.activeSessions).toBeGreaterThanOrEqual(2);

    const refused = await viewerA.json<{ error: { code: string } }>("DELETE", `/api/console/console-users/${encodeURIComponent(ADMIN.email)}/sessions`);
    expect(refused.status).toBe(403);

    const ended = await admin.json<{ ended: number }>("DELETE", `/api/console/console-users/${encodeURIComponent(VIEWER.email)}/sessions`);
    expect(ended.status).toBe(200);
    expect(ended.body.ended).toBeGreaterThanOrEqual(2);
    expect((await viewerA.request("GET", "/api/console/roles")).status).toBe(401);
    expect((await viewerB.request("GET", "/roles")).headers.get("location") ?? "").toContain("/login");
    expect((await admin.request("GET", "/api/console/roles")).status).toBe(200);
    expect(auditEvents("EndConsoleSessions").at(-1)).toMatchObject({ actor: ADMIN.email, outcome: "Success" });
  });

  it("a session lasts as long as ROLEPLANE_SESSION_MAX_AGE says", async () => {
    const c = new ConsoleClient(server.baseUrl);
    const csrf = (await (await c.request("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
    const res = await c.request("POST", "/api/auth/callback/credentials", { form: { csrfToken: csrf.csrfToken, ...ADMIN, json: "true" } });
    const cookie = res.headers.getSetCookie().find((h) => h.includes("session-token"))!;
    const expires = new Date(/Expires=([^;]+)/i.exec(cookie)![1]).getTime();
    expect(Math.abs(expires - Date.now() - 3600_000)).toBeLessThan(60_000);
  });

  it("SIGTERM stops the server promptly", async () => {
    const started = Date.now();
    await server.stop();
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await fetch(`${server.baseUrl}/api/health`).then(() => "answered", () => "gone")).toBe("gone");
  });
});
