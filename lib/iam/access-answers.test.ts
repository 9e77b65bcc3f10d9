import { beforeAll, describe, expect, it } from "vitest";
import type { AccessPageQuery } from "@/lib/access/access-pages";
import { useFreshTestDb } from "@/lib/db/test-db";
import { accessAnswer, accessRowEvidence } from "./access-answers";
import type { RequestContext } from "./context";
import * as roles from "./roles";
import * as users from "./users";

/**
 * The console's paged answers are kept per index between requests (./access-answers): a change must show in the
 * very next answer, and answers asked with other sorts, searches or directions must not take each other's rows.
 */
const A = "111111111111";
const ctx: RequestContext = { accountId: A, actor: "tester@example.com", source: "console", requestId: "r-access-answers" };
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const user = (name: string) => `arn:aws:iam::${A}:user/${name}`;
const query = (q: Partial<AccessPageQuery> = {}) => ({ q: "", sort: "subject" as const, order: "asc" as const, offset: 0, limit: 25, ...q });
const role = { kind: "role", name: "deploy" } as const;
const directOf = async (q: Partial<AccessPageQuery> = {}) => (await accessAnswer(ctx, role, "who-can-assume", query(q))).groups.direct!;

beforeAll(useFreshTestDb);

describe("paged access answers between requests", () => {
  it("shows a change in the next answer, and keeps sorts, searches and directions apart", { timeout: 60_000 }, async () => {
    for (const name of ["ana", "Bea", "cy"]) await users.createUser(ctx, { UserName: name });
    await roles.createRole(ctx, { RoleName: "deploy", AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: A }, Action: "sts:AssumeRole" }) });
    const grant = doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${A}:role/deploy` });
    await users.userPermissions.putPolicy(ctx, "ana", "deploy", grant);
    await users.userPermissions.putPolicy(ctx, "Bea", "deploy", grant);

    const subjects = async (q: Partial<AccessPageQuery> = {}) => (await directOf(q)).rows.map((r) => r.subject);
    expect(await subjects()).toEqual([user("ana"), user("Bea")]);
    expect(await subjects({ order: "desc" })).toEqual([user("Bea"), user("ana")]);
    expect(await subjects({ q: "BE" })).toEqual([user("Bea")]);
    expect(await subjects()).toEqual([user("ana"), user("Bea")]);
    expect(await directOf({ limit: 1 })).toMatchObject({ total: 2, matching: 2, nextOffset: 1 });
    // The role's own view of what it can assume is another answer, not the who-can one.
    const can = await accessAnswer(ctx, role, "can-assume", query());
    expect(can.groups.direct!.total).toBe(0);

    // Each change is in the very next answer, whatever was asked before it.
    await users.userPermissions.putPolicy(ctx, "cy", "deploy", grant);
    expect(await subjects()).toEqual([user("ana"), user("Bea"), user("cy")]);
    expect(await subjects({ order: "desc", q: "c" })).toEqual([user("cy")]);
    await users.userPermissions.deletePolicy(ctx, "ana", "deploy");
    expect(await subjects()).toEqual([user("Bea"), user("cy")]);
    expect((await accessRowEvidence(ctx, role, "who-can-assume", { group: "direct", subject: user("cy") })).path).toEqual([user("cy"), `arn:aws:iam::${A}:role/deploy`]);
    await expect(accessRowEvidence(ctx, role, "who-can-assume", { group: "direct", subject: user("ana") })).rejects.toMatchObject({ code: "NoSuchEntity" });

    // A deleted role is no longer found, though its name was looked up before.
    await roles.deleteRole(ctx, "deploy");
    await expect(directOf()).rejects.toMatchObject({ code: "NoSuchEntity" });
  });
});
