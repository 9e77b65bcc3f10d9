import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ConsoleClient, uniqueName } from "./console-client";

type ApiError = { error: { code: string; message: string } };
type Page<T> = { items: T[]; total: number };
type PolicyItem = { name: string; awsManaged: boolean };

const doc = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });

let admin: ConsoleClient;
const madeUsers: string[] = [];
const madePolicies: string[] = [];

beforeAll(async () => {
  admin = await ConsoleClient.signIn(inject("adminEmail"), inject("adminPassword"));
});

afterAll(async () => {
  for (const name of madeUsers) await admin.json("DELETE", `/api/console/users/${name}`);
  for (const name of madePolicies) await admin.json("DELETE", `/api/console/policies/${name}?scope=local`);
});

describe("console lists sort on the server", () => {
  it("lists users by name, or by creation date either way", async () => {
    const prefix = uniqueName("sorted");
    // Created in reverse name order, so creation order and name order disagree.
    const [c, b, a] = [`${prefix}-c`, `${prefix}-b`, `${prefix}-a`];
    for (const name of [c, b, a]) {
      expect((await admin.json("POST", "/api/console/users", { UserName: name })).status).toBe(201);
      madeUsers.push(name);
    }
    const names = async (query: string) => {
      const res = await admin.json<Page<{ name: string }>>("GET", `/api/console/users?search=${prefix}${query}`);
      expect(res.status).toBe(200);
      return res.body.items.map((u) => u.name);
    };
    expect(await names("")).toEqual([a, b, c]);
    expect(await names("&order=desc")).toEqual([c, b, a]);
    expect(await names("&sort=createdAt")).toEqual([c, b, a]);
    expect(await names("&sort=createdAt&order=desc")).toEqual([a, b, c]);
  });

  it("lists policies by name, or by type with AWS managed first when ascending", async () => {
    // Sorts by name among AWS's AdministratorAccess* policies ("-0" before "-amplify"), by type after them all.
    const mine = `AdministratorAccess-0-${uniqueName("sorted")}`;
    expect((await admin.json("POST", "/api/console/policies", { PolicyName: mine, PolicyDocument: doc })).status).toBe(201);
    madePolicies.push(mine);
    const list = async (query: string) => {
      const res = await admin.json<Page<PolicyItem>>("GET", `/api/console/policies?search=administratoraccess${query}`);
      expect(res.status).toBe(200);
      return res.body.items;
    };
    const byName = await list("");
    expect(byName.map((p) => p.name.toLowerCase())).toEqual(byName.map((p) => p.name.toLowerCase()).sort());
    expect(byName.at(-1)?.name).not.toBe(mine);

    const byType = await list("&sort=type");
    expect(byType.filter((p) => p.awsManaged)).toEqual(byName.filter((p) => p.awsManaged));
    expect(byType.at(-1)?.name).toBe(mine);
    expect(byType.findIndex((p) => !p.awsManaged)).toBe(byType.filter((p) => p.awsManaged).length);

    const byTypeDesc = await list("&sort=type&order=desc");
    expect(byTypeDesc[0].name).toBe(mine);
    expect(byTypeDesc.filter((p) => p.awsManaged)).toEqual(byName.filter((p) => p.awsManaged));
  });

  it.each(["roles", "users", "groups", "policies"])("refuses an unknown sort or order on /api/console/%s with a ValidationError", async (list) => {
    for (const query of ["sort=size", "order=sideways"]) {
      const res = await admin.json<ApiError>("GET", `/api/console/${list}?${query}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("ValidationError");
      expect(res.body.error.message).toContain(`at '${query.split("=")[0]}'`);
    }
  });
});
