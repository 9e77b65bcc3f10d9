import { beforeAll, describe, expect, inject, it } from "vitest";
import type { AccountAccessAnalysis } from "@/lib/access/account-access";
import { ConsoleClient, uniqueName } from "./console-client";

/**
 * The console's Access analysis (/access and GET /api/console/access-analysis): any signed-in console user reads it,
 * viewers too since it changes nothing; nobody else does. Findings follow changes at once and stay in their account.
 */
type ApiError = { error: { code: string; message: string } };
const ROUTE = "/api/console/access-analysis";
const trust = (AWS: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole" }] });

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

const findingsOf = (a: AccountAccessAnalysis, role: string) => a.findings.filter((f) => f.roleName === role).map((f) => [f.kind, f.severity]);

describe("the Access analysis", () => {
  it("a viewer reads the findings with their evidence and the roles' counts; a trust policy change shows at once", async () => {
    const name = uniqueName("open");
    expect((await admin.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: trust("*") })).status).toBe(201);

    const res = await viewer.json<AccountAccessAnalysis>("GET", ROUTE);
    expect(res.status).toBe(200);
    expect(res.body.accountId).toBe("111111111111");
    expect(findingsOf(res.body, name)).toEqual([["wildcard-principal", "high"]]);
    const finding = res.body.findings.find((f) => f.roleName === name)!;
    expect(finding.evidence).toContainEqual(expect.objectContaining({ type: "assume", principal: "*", principalKind: "anyone", conditions: [] }));
    const row = res.body.roles.find((r) => r.name === name)!;
    expect(row).toMatchObject({ arn: `arn:aws:iam::111111111111:role/${name}`, conditional: 0, findings: ["wildcard-principal"] });
    expect(row.direct).toBeGreaterThan(0);

    const changed = await admin.json("PUT", `/api/console/roles/${name}/trust-policy`, { PolicyDocument: trust("arn:aws:iam::111111111111:root") });
    expect(changed.status).toBe(200);
    const after = await viewer.json<AccountAccessAnalysis>("GET", ROUTE);
    expect(findingsOf(after.body, name).map(([kind]) => kind)).not.toContain("wildcard-principal");
  });

  it("shows the selected account's roles only", async () => {
    const name = uniqueName("only-demo");
    expect((await admin.json("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: trust("*") })).status).toBe(201);
    const partner = (await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"))).setCookie("rp-account", "222222222222");
    const res = await partner.json<AccountAccessAnalysis>("GET", ROUTE);
    expect(res.status).toBe(200);
    expect(res.body.accountId).toBe("222222222222");
    expect(res.body.roles.map((r) => r.name)).not.toContain(name);
    expect(res.body.findings.every((f) => f.roleArn.startsWith("arn:aws:iam::222222222222:"))).toBe(true);
  });

  it("refuses anonymous callers: 401 from the route with no data, the page redirects to sign-in", async () => {
    const anon = new ConsoleClient();
    const res = await anon.json<ApiError>("GET", ROUTE);
    expect([res.status, res.body.error.code]).toEqual([401, "MissingAuthenticationToken"]);
    expect(JSON.stringify(res.body)).not.toContain("arn:aws:iam");
    const page = await anon.request("GET", "/access");
    expect([302, 307]).toContain(page.status);
    expect(page.headers.get("location")).toContain("/login");
  });

  it("the page renders for a viewer, and the route takes no changes", async () => {
    const page = await viewer.request("GET", "/access");
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Access analysis");
    expect((await viewer.request("POST", ROUTE, { json: {} })).status).toBe(405);
    expect((await viewer.request("DELETE", ROUTE)).status).toBe(405);
  });
});
