import { beforeAll, describe, expect, inject, it } from "vitest";
import type { AccessAnswer, RowEvidenceAnswer } from "@/lib/access/access-pages";
import { evidenceKey } from "@/lib/domain/access-evidence-types";
import { ConsoleClient, ec2Trust, uniqueName } from "./console-client";

/**
 * A role's and a user's access answers (GET /api/console/roles|users/<name>/access) give counts per group and one
 * page of rows; an opened row's evidence (…/access/evidence) gives each hop's access with the documents of its
 * deciding statements and their lines. Viewers read them; bad parameters are refused.
 */
const TRUST_HEAD = '{\n  "Version": "2012-10-17",\n  "Statement": [\n';
const trust = (AWS: string | string[], Condition?: object) =>
  `${TRUST_HEAD}${JSON.stringify({ Effect: "Allow", Principal: { AWS }, Action: "sts:AssumeRole", ...(Condition ? { Condition } : {}) }, null, 2).replace(/^/gm, "    ")}\n  ]\n}`;

type ApiError = { error: { code: string; message: string } };
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

const subjects = (page: AccessAnswer["groups"]["direct"]) => page!.rows.map((r) => r.subject);

describe("access answers and evidence", () => {
  it("groups the answer and gives an opened row's hops, documents and lines", async () => {
    const user = (await admin.json<{ arn: string; name: string }>("POST", "/api/console/users", { UserName: uniqueName("dev") })).body;
    const policy = { Version: "2012-10-17", Statement: [{ Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, { Sid: "AssumeAny", Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }] };
    expect((await admin.json("PUT", `/api/console/users/${user.name}/inline-policies/assume-any`, { PolicyDocument: JSON.stringify(policy, null, 2) })).status).toBe(204);
    const hopName = uniqueName("hop");
    const hop = await createRole(hopName, trust(user.arn, { Bool: { "aws:MultiFactorAuthPresent": "true" } }));
    const targetName = uniqueName("target");
    const target = await createRole(targetName, trust(hop));

    const res = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${targetName}/access`);
    expect(res.status).toBe(200);
    const { direct, conditional, chains } = res.body.groups;
    expect([direct!.total, conditional!.total, chains!.total]).toEqual([1, 0, 1]);
    expect(direct!.rows).toEqual([{ subject: hop, kind: "role", path: [hop, target], conditional: false, conditions: [] }]);
    expect(chains!.rows).toEqual([{ subject: user.arn, kind: "user", path: [user.arn, hop, target], conditional: true, conditions: [] }]);
    // The answer carries no documents: they come with an opened row.
    expect(JSON.stringify(res.body)).not.toContain("Statement");

    const opened = await viewer.json<RowEvidenceAnswer>("GET", `/api/console/roles/${targetName}/access/evidence?group=chains&subject=${encodeURIComponent(user.arn)}`);
    expect(opened.status).toBe(200);
    const { path, hops, documents, lines } = opened.body;
    expect(path).toEqual([user.arn, hop, target]);
    expect(hops.map((h) => [h!.principal.arn, h!.roleArn])).toEqual([[user.arn, hop], [hop, target]]);
    // The first hop needs MFA; its statements are the user's inline policy's second statement and the hop's trust policy.
    expect(hops[0]!.conditions.map((c) => c.key)).toEqual(["aws:MultiFactorAuthPresent"]);
    const first = lines[evidenceKey(user.arn, hop)]!;
    const inline = first.find((l) => l?.documentId === `${user.arn}#assume-any`)!;
    const statement = documents[inline.documentId].text.split("\n").slice(inline.from - 1, inline.to).join("\n");
    expect(statement).toContain('"Sid": "AssumeAny"');
    expect(statement).not.toContain('"Sid": "Read"');
    expect(first).toContainEqual({ documentId: `trust:${hop}`, from: 4, to: 15 });
    // The second hop: the target's trust policy, its only statement on lines 4-10.
    expect(lines[evidenceKey(hop, target)]).toEqual([{ documentId: `trust:${target}`, from: 4, to: 10 }]);
    expect(documents[`trust:${target}`]).toEqual({ label: `Trust policy of ${target}`, text: trust(hop) });

    const directRow = await viewer.json<RowEvidenceAnswer>("GET", `/api/console/roles/${targetName}/access/evidence?group=direct&subject=${encodeURIComponent(hop)}`);
    expect(directRow.body.hops.map((h) => h!.principal.arn)).toEqual([hop]);

    const mine = await viewer.json<AccessAnswer>("GET", `/api/console/users/${user.name}/access`);
    expect(mine.status).toBe(200);
    expect(mine.body.direction).toBe("can-assume");
    expect(subjects(mine.body.groups.conditional)).toEqual([hop]);
    expect(subjects(mine.body.groups.chains)).toEqual([target]);
    const mineOpened = await viewer.json<RowEvidenceAnswer>("GET", `/api/console/users/${user.name}/access/evidence?group=conditional&subject=${encodeURIComponent(hop)}`);
    expect(mineOpened.body.lines[evidenceKey(user.arn, hop)]).toEqual(first);

    const hopCan = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${hopName}/access?direction=can-assume`);
    expect(subjects(hopCan.body.groups.direct)).toEqual([target]);
  });

  it("pages a group, filters and sorts on the server, and answers one group when asked", async () => {
    const names = Array.from({ length: 12 }, (_, i) => uniqueName(`assumer-${String(i).padStart(2, "0")}`));
    const arns = await Promise.all(names.map((n) => createRole(n, ec2Trust)));
    const targetName = uniqueName("popular");
    await createRole(targetName, trust(arns));
    const url = `/api/console/roles/${targetName}/access`;

    const first = await viewer.json<AccessAnswer>("GET", `${url}?limit=5`);
    expect(first.body.groups.direct).toMatchObject({ total: 12, matching: 12, offset: 0, nextOffset: 5 });
    const seen = subjects(first.body.groups.direct);
    for (let offset: number | null = 5; offset !== null; ) {
      const page: { status: number; body: AccessAnswer } = await viewer.json<AccessAnswer>("GET", `${url}?group=direct&limit=5&offset=${offset}`);
      expect(Object.keys(page.body.groups)).toEqual(["direct"]);
      seen.push(...subjects(page.body.groups.direct));
      offset = page.body.groups.direct!.nextOffset;
    }
    expect(seen).toEqual([...arns].sort());

    // Search finds a row of a later page; the count says how many of the group match.
    const found = await viewer.json<AccessAnswer>("GET", `${url}?limit=5&q=${encodeURIComponent(names[11].toUpperCase())}`);
    expect(found.body.groups.direct).toMatchObject({ total: 12, matching: 1, nextOffset: null });
    expect(subjects(found.body.groups.direct)).toEqual([arns[11]]);

    const desc = await viewer.json<AccessAnswer>("GET", `${url}?limit=3&sort=subject&order=desc`);
    expect(subjects(desc.body.groups.direct)).toEqual([...arns].sort().reverse().slice(0, 3));

    const past = await viewer.json<AccessAnswer>("GET", `${url}?group=direct&offset=999999999`);
    expect(past.body.groups.direct).toMatchObject({ total: 12, rows: [], nextOffset: null });
  });

  it("refuses bad parameters with a ValidationError, and changes nothing", async () => {
    const role = uniqueName("probed");
    await createRole(role, ec2Trust);
    const user = (await admin.json<{ name: string }>("POST", "/api/console/users", { UserName: uniqueName("probed") })).body.name;
    const bad = [
      `roles/${role}/access?offset=-1`,
      `roles/${role}/access?offset=abc`,
      `roles/${role}/access?offset=1e3`,
      `roles/${role}/access?offset=`,
      `roles/${role}/access?offset=99999999999999999999999`,
      `roles/${role}/access?limit=0`,
      `roles/${role}/access?limit=101`,
      `roles/${role}/access?q=${"a".repeat(2049)}`,
      `roles/${role}/access?sort=__proto__`,
      `roles/${role}/access?order=sideways`,
      `roles/${role}/access?group=constructor`,
      `roles/${role}/access?direction=both`,
      `roles/${role}/access?sort=constructor`,
      `roles/${role}/access?Direction=who-can-assume`,
      `roles/${role}/access?constructor[prototype][admin]=1`,
      `roles/${role}/access?q=a&q=b`,
      `users/${user}/access?direction=who-can-assume`,
      `roles/${role}/access/evidence?subject=x`,
      `roles/${role}/access/evidence?group=direct`,
      `roles/${role}/access/evidence?group=direct&subject=${"a".repeat(2049)}`,
      `users/${user}/access/evidence?group=chains&subject=x&offset=1`,
    ];
    for (const path of bad) {
      const res = await viewer.json<ApiError>("GET", `/api/console/${path}`);
      expect([path, res.status, res.body.error.code]).toEqual([path, 400, "ValidationError"]);
      expect(res.body.error.message.length).toBeLessThan(1200);
    }
    const fine = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${role}/access?q=${"a".repeat(2048)}`);
    expect(fine.status).toBe(200);
    // A `__proto__` parameter never reaches the route (the server drops it from the query), and pollutes nothing.
    const plain = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${role}/access`);
    const proto = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${role}/access?__proto__=1`);
    expect([proto.status, proto.body]).toEqual([200, plain.body]);
    const after = await viewer.json<AccessAnswer>("GET", `/api/console/roles/${role}/access`);
    expect(after.body).toEqual(plain.body);
  });

  it("refuses anonymous callers and answers NoSuchEntity for what does not exist", async () => {
    const anon = new ConsoleClient();
    expect((await anon.json("GET", `/api/console/roles/any/access`)).status).toBe(401);
    expect((await anon.json("GET", `/api/console/roles/any/access/evidence?group=direct&subject=x`)).status).toBe(401);
    expect((await anon.json("GET", `/api/console/users/any/access`)).status).toBe(401);
    const missing = await viewer.json<ApiError>("GET", `/api/console/roles/${uniqueName("missing")}/access`);
    expect([missing.status, missing.body.error.code]).toEqual([404, "NoSuchEntity"]);
    const role = uniqueName("lonely");
    await createRole(role, ec2Trust);
    const noRow = await viewer.json<ApiError>("GET", `/api/console/roles/${role}/access/evidence?group=direct&subject=${encodeURIComponent("arn:aws:iam::123456789012:user/nobody")}`);
    expect([noRow.status, noRow.body.error.code]).toEqual([404, "NoSuchEntity"]);
    const proto = await viewer.json<ApiError>("GET", `/api/console/roles/${role}/access/evidence?group=direct&subject=__proto__`);
    expect([proto.status, proto.body.error.code]).toEqual([404, "NoSuchEntity"]);
  });
});
