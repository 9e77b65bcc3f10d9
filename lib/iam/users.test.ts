import { beforeAll, describe, expect, it } from "vitest";
import { useFreshTestDb } from "@/lib/db/test-db";
import { getDb } from "@/lib/db/client";
import * as users from "./users";
import * as keys from "./access-keys";
import type { RequestContext } from "./context";
import { refusal } from "./test-helpers";

const ctx: RequestContext = { accountId: "111111111111", actor: "tester@example.com", source: "api", requestId: "r-2" };


beforeAll(useFreshTestDb);

describe("IAM users", () => {
  it("creates a user with an AIDA id and a path in its ARN", async () => {
    const u = await users.createUser(ctx, { UserName: "alice", Path: "/eng/", Tags: [{ Key: "team", Value: "a" }] });
    expect(u.id).toMatch(/^AIDA[A-Z0-9]{17}$/);
    expect(u.arn).toBe("arn:aws:iam::111111111111:user/eng/alice");
    expect(u.tags).toEqual([{ Key: "team", Value: "a" }]);
  });

  it("keeps accounts apart", async () => {
    const other = { ...ctx, accountId: "222222222222" };
    await users.createUser(ctx, { UserName: "grace" });
    await users.createUser(other, { UserName: "grace" });
    expect((await users.listUsers(other, { search: "grace" })).items.map((u) => u.arn)).toEqual(["arn:aws:iam::222222222222:user/grace"]);
    expect((await users.listUsers(ctx, { search: "grace" })).items.map((u) => u.arn)).toEqual(["arn:aws:iam::111111111111:user/grace"]);
  });

  it("refuses to delete a user with keys, then deletes once they are gone", async () => {
    await users.createUser(ctx, { UserName: "bob" });
    const key = await keys.createAccessKey(ctx, "bob");
    expect((await refusal(users.deleteUser(ctx, "bob"))).message).toBe("Cannot delete entity, must delete access keys first.");
    await keys.deleteAccessKey(ctx, "bob", key.accessKeyId);
    await users.deleteUser(ctx, "bob");
    expect((await refusal(users.getUser(ctx, "bob"))).code).toBe("NoSuchEntity");
  });
});

describe("access keys", () => {
  it("issues AKIA keys, at most two per user, and returns the secret only at creation", async () => {
    await users.createUser(ctx, { UserName: "carol" });
    const first = await keys.createAccessKey(ctx, "carol");
    expect(first.accessKeyId).toMatch(/^AKIA[A-Z0-9]{16}$/);
    expect(first.secretAccessKey).toHaveLength(40);
    await keys.createAccessKey(ctx, "carol");
    const third = await refusal(keys.createAccessKey(ctx, "carol"));
    expect(third.code).toBe("LimitExceeded");
    const listed = await keys.listAccessKeys(ctx, "carol");
    expect(listed).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain(first.secretAccessKey);
  });

  it("stores the secret sealed, and opens it for signature checks", async () => {
    await users.createUser(ctx, { UserName: "dave", Path: "/eng/" });
    const k = await keys.createAccessKey(ctx, "dave");
    const row = await getDb().accessKey.findUnique({ where: { id: k.accessKeyId } });
    expect(row?.secretEncrypted).not.toContain(k.secretAccessKey);
    const signing = await keys.findSigningKey(k.accessKeyId);
    expect(signing?.secretAccessKey).toBe(k.secretAccessKey);
    expect(signing?.userArn).toBe("arn:aws:iam::111111111111:user/eng/dave");
  });

  it("records a key's use at most once a minute for the same service and Region", async () => {
    await users.createUser(ctx, { UserName: "erin" });
    const k = await keys.createAccessKey(ctx, "erin");
    const t0 = new Date("2026-11-28T10:00:00Z");
    const lastUsed = async () => (await keys.findSigningKey(k.accessKeyId))!.lastUsed;
    await keys.recordAccessKeyUse((await keys.findSigningKey(k.accessKeyId))!, "iam", "us-east-1", t0);
    expect(await lastUsed()).toEqual({ at: t0, service: "iam", region: "us-east-1" });
    await keys.recordAccessKeyUse((await keys.findSigningKey(k.accessKeyId))!, "iam", "us-east-1", new Date(t0.getTime() + 30_000));
    expect((await lastUsed())?.at).toEqual(t0);
    const later = new Date(t0.getTime() + 61_000);
    await keys.recordAccessKeyUse((await keys.findSigningKey(k.accessKeyId))!, "iam", "us-east-1", later);
    expect((await lastUsed())?.at).toEqual(later);
    const otherRegion = new Date(later.getTime() + 1_000);
    await keys.recordAccessKeyUse((await keys.findSigningKey(k.accessKeyId))!, "iam", "eu-west-1", otherRegion);
    expect(await lastUsed()).toEqual({ at: otherRegion, service: "iam", region: "eu-west-1" });
  });

  it("deactivates a key", async () => {
    await users.createUser(ctx, { UserName: "frank" });
    const k = await keys.createAccessKey(ctx, "frank");
    await keys.updateAccessKey(ctx, "frank", k.accessKeyId, "Inactive");
    expect((await keys.findSigningKey(k.accessKeyId))?.status).toBe("Inactive");
    expect((await refusal(keys.updateAccessKey(ctx, "frank", "AKIANOSUCHKEY0000000", "Active"))).code).toBe("NoSuchEntity");
  });
});

describe("listUsers sorting", () => {
  const other = { ...ctx, accountId: "222222222222" };
  const names = async (o: Parameters<typeof users.listUsers>[1]) =>
    (await users.listUsers(other, { search: "sorted-", ...o })).items.map((u) => u.name);

  beforeAll(async () => {
    // c and d share a creation time, so only the name can keep them in one order.
    for (const [name, created] of [["sorted-a", "2024-01-03"], ["sorted-b", "2024-01-01"], ["sorted-c", "2024-01-02"], ["sorted-d", "2024-01-02"]]) {
      const u = await users.createUser(other, { UserName: name });
      await getDb().iamUser.update({ where: { id: u.id }, data: { createdAt: new Date(created) } });
    }
  });

  it("orders by name by default, and by name descending when asked", async () => {
    expect(await names({})).toEqual(["sorted-a", "sorted-b", "sorted-c", "sorted-d"]);
    expect(await names({ sort: "name", order: "desc" })).toEqual(["sorted-d", "sorted-c", "sorted-b", "sorted-a"]);
  });

  it("orders by creation date either way, breaking ties by name ascending", async () => {
    expect(await names({ sort: "createdAt" })).toEqual(["sorted-b", "sorted-c", "sorted-d", "sorted-a"]);
    expect(await names({ sort: "createdAt", order: "desc" })).toEqual(["sorted-a", "sorted-c", "sorted-d", "sorted-b"]);
  });

  it("pages in the sorted order", async () => {
    const first = await users.listUsers(other, { search: "sorted-", sort: "createdAt", order: "desc", maxItems: 2 });
    const second = await users.listUsers(other, { search: "sorted-", sort: "createdAt", order: "desc", maxItems: 2, marker: first.marker });
    expect([...first.items, ...second.items].map((u) => u.name)).toEqual(["sorted-a", "sorted-c", "sorted-d", "sorted-b"]);
  });
});
