import http from "node:http";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { AccountGraph } from "@/lib/access/graph-view";
import { IMPORT_FILE_LIMITS, type ImportUploadEvent } from "@/lib/domain/authorization-details-file";
import { smallAccountFile } from "../support/authorization-details-fixture";
import { ConsoleClient } from "./console-client";

/**
 * The console's import upload (POST /api/console/access/import, NDJSON stages) and graph view data
 * (GET /api/console/access/graph), over HTTP against a real server, with the attacks kept as tests.
 */

type ApiError = { error: { code: string; message: string } };

let admin: ConsoleClient;
let viewer: ConsoleClient;
const baseUrl = inject("baseUrl");
const ownOrigin = new URL(baseUrl).origin;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const upload = (client: ConsoleClient, body: string, file = "account.json", headers: Record<string, string> = {}) =>
  client.request("POST", `/api/console/access/import?file=${encodeURIComponent(file)}`, { body, headers: { "content-type": "application/json", origin: ownOrigin, ...headers } });

async function stagesOf(res: Response): Promise<ImportUploadEvent[]> {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
  return (await res.text()).trim().split("\n").map((l) => JSON.parse(l) as ImportUploadEvent);
}

const rolesOf = async (client: ConsoleClient, account: string) =>
  (await client.setCookie("rp-account", account).json<{ items: { name: string }[] }>("GET", "/api/console/roles")).body;

describe("import upload", () => {
  it("imports a file, streaming its stages, and the account's roles and graph follow", async () => {
    const { account, file } = smallAccountFile();
    const events = await stagesOf(await upload(admin, JSON.stringify(file, null, 2), "prod.json"));
    expect(events.map((e) => e.stage)).toEqual(["received", "parsed", "checked", "written", "done"]);
    expect(events[1]).toEqual({ stage: "parsed", accounts: [account] });
    expect(events[3]).toMatchObject({ stage: "written", summary: { accountId: account, users: 1, groups: 1, roles: 3, policies: 1 } });

    const client = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
    expect((await rolesOf(client, account)).items.map((r) => r.name).sort()).toEqual(["admin", "audit", "deploy"]);

    // The viewer may read the graph of the imported account.
    const graph = await viewer.setCookie("rp-account", account).json<AccountGraph>("GET", "/api/console/access/graph");
    expect(graph.status).toBe(200);
    const g = graph.body;
    expect(g.account).toBe(account);
    const edges = g.edges.map((e) => `${g.nodes[e.source].label}${e.conditional ? " -?-> " : " --> "}${g.nodes[e.target].label}`).sort();
    expect(edges).toEqual(["admin --> audit", "alice -?-> deploy", "deploy --> admin"]);
  });

  it("a file with a fault names the entry and changes nothing", async () => {
    const { account, file } = smallAccountFile();
    file.RoleDetailList[1].RoleName = "not a valid name!";
    const events = await stagesOf(await upload(admin, JSON.stringify(file), "broken.json"));
    const last = events.at(-1)!;
    expect(last.stage).toBe("failed");
    expect(last.stage === "failed" && last.error.message).toMatch(/^broken\.json: RoleDetailList\[1\]\.RoleName .*nothing was imported\.$/);
    expect(events.some((e) => e.stage === "written")).toBe(false);
    const accounts = (await admin.json<{ accounts: { id: string }[] }>("GET", "/api/console/account")).body.accounts;
    expect(accounts.map((a) => a.id)).not.toContain(account);
  });

  it("importing the same account twice is refused the second time, naming what the store holds", async () => {
    const { file } = smallAccountFile();
    expect((await stagesOf(await upload(admin, JSON.stringify(file)))).at(-1)!.stage).toBe("done");
    const again = (await stagesOf(await upload(admin, JSON.stringify(file)))).at(-1)!;
    expect(again.stage === "failed" && again.error.message).toMatch(/the store already holds arn:aws:iam::/);
  });
});

describe("import upload refuses hostile input before importing anything", () => {
  it("refuses a viewer, and an anonymous caller", async () => {
    const { file } = smallAccountFile();
    const asViewer = await upload(viewer, JSON.stringify(file));
    expect(asViewer.status).toBe(403);
    expect(((await asViewer.json()) as ApiError).error.code).toBe("AccessDenied");
    const anonymous = await upload(new ConsoleClient(), JSON.stringify(file));
    expect(anonymous.status).toBe(401);
  });

  it("refuses another origin", async () => {
    const { file } = smallAccountFile();
    const res = await upload(admin, JSON.stringify(file), "x.json", { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(res.status).toBe(403);
  });

  it("refuses a file over the limit by its declared length and when streamed past it", async () => {
    // Declared too large: refused on the header, before a byte of the body is sent.
    const declared = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${baseUrl}/api/console/access/import`, {
        method: "POST",
        headers: { cookie: admin.cookieHeader(), origin: ownOrigin, "content-type": "application/json", "content-length": String(IMPORT_FILE_LIMITS.bytes + 1) },
      });
      req.on("response", (res) => {
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(declared).toBe(413);
    const big = `{"UserDetailList":[],"pad":"${"x".repeat(IMPORT_FILE_LIMITS.bytes)}"}`;
    const res = await upload(admin, big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as ApiError).error.message).toMatch(/at most 32 MiB/);
  });

  it("refuses text that is not JSON, and JSON nested too deep", async () => {
    const notJson = await upload(admin, "UserDetailList: []");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as ApiError).error.message).toMatch(/not JSON/);
    const deep = await upload(admin, `${"[".repeat(100_000)}${"]".repeat(100_000)}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as ApiError).error.message).toMatch(/nests deeper than 64 levels/);
  });

  it("`__proto__` keys neither import anything nor pollute the server", async () => {
    const { account, file } = smallAccountFile();
    const hostile = `{"__proto__":${JSON.stringify(file)},"constructor":{"prototype":{"polluted":true}}}`;
    const events = await stagesOf(await upload(admin, hostile));
    expect(events.at(-1)!.stage).toBe("done");
    expect(events.find((e) => e.stage === "parsed")).toEqual({ stage: "parsed", accounts: [] });
    const accounts = (await admin.json<{ accounts: { id: string }[] }>("GET", "/api/console/account")).body.accounts;
    expect(accounts.map((a) => a.id)).not.toContain(account);
    // A polluted Object.prototype would show on every JSON answer.
    const graph = await admin.json<Record<string, unknown>>("GET", "/api/console/access/graph");
    expect(graph.body.polluted).toBeUndefined();
  });

  it("refuses a file name that is too long", async () => {
    const res = await upload(admin, "{}", "x".repeat(300));
    expect(res.status).toBe(400);
  });
});

describe("graph route", () => {
  it("refuses an anonymous caller", async () => {
    const res = await new ConsoleClient().request("GET", "/api/console/access/graph");
    expect(res.status).toBe(401);
  });
});
