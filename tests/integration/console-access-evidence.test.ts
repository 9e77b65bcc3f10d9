import { beforeAll, describe, expect, inject, it } from "vitest";
import type { RoleAccessDto, UserAccessDto } from "@/components/access/access-queries";
import { evidenceKey } from "@/lib/domain/access-evidence-types";
import { ConsoleClient, uniqueName } from "./console-client";

/**
 * A role's and a user's access answers (GET /api/console/roles|users/<name>/access) carry their evidence: the
 * documents of the deciding statements with each statement's lines, and every hop of a chain. Viewers read them.
 */
const TRUST_HEAD = '{\n  "Version": "2012-10-17",\n  "Statement": [\n';
const trust = (AWS: string, Condition?: object) =>
  `${TRUST_HEAD}${JSON.stringify({ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }, null, 2).replace(/^/gm, "    ")}\n  ]\n}`;

let admin: ConsoleClient;
let viewer: ConsoleClient;

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
  viewer = await ConsoleClient.signIn(inject("viewerEmail"), inject("viewerPassword"));
});

async function createRole(name: string, trustPolicy: string) {
  const res = await admin.json<{ arn: string }>("POST", "/api/console/roles", { RoleName: name, AssumeRolePolicyDocument: trustPolicy });
  expect(res.status).toBe(201);
  return res.body.arn;
}

describe("access evidence", () => {
  it("gives the documents and lines of each deciding statement, and each hop of a chain with its conditions", async () => {
    const user = (await admin.json<{ arn: string; name: string }>("POST", "/api/console/users", { UserName: uniqueName("dev") })).body;
    const policy = { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Sid: "AssumeAny", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] };
    expect((await admin.json("PUT", `/api/console/users/${user.name}/inline-policies/assume-any`, { PolicyDocument: JSON.stringify(policy, null, 2) })).status).toBe(204);
    const hopName = uniqueName("hop");
    const hop = await createRole(hopName, trust(user.arn, { Bool: { "aws:MultiFactorAuthPresent": "true" } }));
    const targetName = uniqueName("target");
    const target = await createRole(targetName, trust(hop));

    const res = await viewer.json<RoleAccessDto>("GET", `/api/console/roles/${targetName}/access`);
    expect(res.status).toBe(200);
    const { evidence } = res.body;
    // The hop role's direct access: the target's trust policy, its only statement on lines 4-10.
    const direct = evidence.lines[evidenceKey(hop, target)];
    expect(direct).toEqual([{ documentId: `trust:${target}`, from: 4, to: 10 }]);
    expect(evidence.documents[`trust:${target}`]).toEqual({ label: `Trust policy of ${target}`, text: trust(hop) });

    // The user reaches the target through the hop: the first hop needs MFA, and its statements are the user's inline
    // policy's second statement and the hop's trust policy.
    expect(res.body.whoCanAssume.chains).toContainEqual(expect.objectContaining({ path: [user.arn, hop, target], conditional: true }));
    const first = evidence.hops.find((h) => h.principal.arn === user.arn && h.roleArn === hop)!;
    expect(first.conditions.map((c) => c.key)).toEqual(["aws:MultiFactorAuthPresent"]);
    const lines = evidence.lines[evidenceKey(user.arn, hop)]!;
    const inline = lines.find((l) => l?.documentId === `${user.arn}#assume-any`)!;
    const text = evidence.documents[inline.documentId].text;
    expect(text.split("\n").slice(inline.from - 1, inline.to).join("\n")).toContain('"Sid": "AssumeAny"');
    expect(text.split("\n").slice(inline.from - 1, inline.to).join("\n")).not.toContain('"Sid": "Read"');
    expect(lines).toContainEqual({ documentId: `trust:${hop}`, from: 4, to: 15 });

    const mine = await viewer.json<UserAccessDto>("GET", `/api/console/users/${user.name}/access`);
    expect(mine.status).toBe(200);
    expect(mine.body.evidence.lines[evidenceKey(user.arn, hop)]).toEqual(lines);
    expect(mine.body.evidence.hops.map((h) => [h.principal.arn, h.roleArn])).toContainEqual([hop, target]);
  });

  it("refuses anonymous callers and answers NoSuchEntity for a role that does not exist", async () => {
    const anon = new ConsoleClient();
    expect((await anon.json("GET", `/api/console/roles/any/access`)).status).toBe(401);
    const missing = await viewer.json<{ error: { code: string } }>("GET", `/api/console/roles/${uniqueName("missing")}/access`);
    expect([missing.status, missing.body.error.code]).toEqual([404, "NoSuchEntity"]);
  });
});
