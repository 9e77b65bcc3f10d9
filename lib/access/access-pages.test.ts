import { describe, expect, it } from "vitest";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { buildAccessIndex } from "./access-graph";
import { ACCESS_GROUPS, AccessRowSet, canAssumeRows, groupOf, whoCanAssumeRows, type AccessGroup, type AccessPageQuery, type AccessRow } from "./access-pages";
import type { AnalyzedRole } from "./assume-access";

const A = "111111111111";
const TARGET = `arn:aws:iam::${A}:role/target`;
const arn = (kind: string, name: string) => `arn:aws:iam::${A}:${kind}/${name}`;
const direct = (subject: string, kind = "user", conditional = false): AccessRow => ({
  subject, kind, path: [subject, TARGET], conditional, conditions: conditional ? [{ key: "aws:MultiFactorAuthPresent", operator: "Bool", values: ["true"], effect: "Allow" }] : [],
});
const chain = (subject: string, hops: number): AccessRow => ({
  subject, kind: "user", path: [subject, ...Array.from({ length: hops - 1 }, (_, i) => arn("role", `hop-${i}`)), TARGET], conditional: false, conditions: [],
});
const query = (q: Partial<AccessPageQuery> = {}): AccessPageQuery => ({ q: "", sort: "subject", order: "asc", offset: 0, limit: 25, ...q });
const pageAccessRows = (rows: AccessRow[], q: AccessPageQuery, groups?: AccessGroup[]) => AccessRowSet.of(rows).pages(q, groups);
const findAccessRow = (rows: AccessRow[], group: AccessGroup, subject: string) => AccessRowSet.of(rows).find(group, subject);

describe("access pages", () => {
  const many = Array.from({ length: 60 }, (_, i) => direct(arn("user", `user-${String(i).padStart(2, "0")}`)));
  const rows = [...many, direct(arn("role", "Ops"), "role", true), direct(arn("role", "audit"), "role", true), chain(arn("user", "zed"), 3), chain(arn("user", "amy"), 2 + 3)];

  it("counts every group and gives each its first page, sorted by subject ignoring case", () => {
    const { direct: d, conditional: c, chains } = pageAccessRows(rows, query());
    expect([d!.total, c!.total, chains!.total]).toEqual([60, 2, 2]);
    expect(d!.rows.map((r) => r.subject)).toEqual(many.slice(0, 25).map((r) => r.subject));
    expect(d!.nextOffset).toBe(25);
    expect(c!.rows.map((r) => r.subject)).toEqual([arn("role", "audit"), arn("role", "Ops")]);
    expect(c!.nextOffset).toBeNull();
  });

  it("pages through a group to its end, every row once, and answers past the end with no rows", () => {
    const seen: string[] = [];
    for (let offset: number | null = 0; offset !== null; ) {
      const page: ReturnType<typeof pageAccessRows>["direct"] = pageAccessRows(rows, query({ offset, limit: 7 }), ["direct"]).direct!;
      seen.push(...page.rows.map((r) => r.subject));
      offset = page.nextOffset;
    }
    expect(seen).toEqual(many.map((r) => r.subject));
    const past = pageAccessRows(rows, query({ offset: 999_999_999 }), ["direct"]);
    expect(past).toEqual({ direct: { total: 60, matching: 60, offset: 999_999_999, rows: [], nextOffset: null } });
  });

  it("filters by text in the subject, ignoring case and surrounding spaces, and counts what matches", () => {
    const { direct: d, conditional: c, chains } = pageAccessRows(rows, query({ q: "  USER-1" }));
    expect([d!.matching, d!.total]).toEqual([10, 60]);
    expect(d!.rows).toHaveLength(10);
    expect([c!.matching, chains!.matching]).toEqual([0, 0]);
    expect(pageAccessRows(rows, query({ q: "__proto__" })).direct!.matching).toBe(0);
  });

  it("sorts by kind or by hops, either way, ties by subject", () => {
    const mixed = [direct(arn("user", "b")), direct(arn("role", "c"), "role"), direct(arn("user", "a")), chain(arn("user", "long"), 4), chain(arn("user", "short"), 2)];
    const subjects = (q: Partial<AccessPageQuery>, group: "direct" | "chains") => pageAccessRows(mixed, query(q), [group])[group]!.rows.map((r) => r.subject.split(":").pop());
    expect(subjects({ sort: "kind" }, "direct")).toEqual(["role/c", "user/a", "user/b"]);
    expect(subjects({ sort: "kind", order: "desc" }, "direct")).toEqual(["user/b", "user/a", "role/c"]);
    expect(subjects({ sort: "hops" }, "chains")).toEqual(["user/short", "user/long"]);
    expect(subjects({ sort: "hops", order: "desc" }, "chains")).toEqual(["user/long", "user/short"]);
  });
});

describe("access rows of an index", () => {
  const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
  const assumeAny = { name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) };
  const dev: PrincipalPolicies = { id: "AIDA00000000000000001", accountId: A, name: "dev", arn: arn("user", "dev"), tags: [], identity: [assumeAny] };
  const role = (name: string, trustPolicy: string): AnalyzedRole => ({ id: `AROA${name.padStart(17, "0")}`, accountId: A, name, arn: arn("role", name), tags: [], identity: [assumeAny], trustPolicy });
  const hop = role("hop", doc({ Effect: "Allow", Principal: { AWS: dev.arn }, Action: "sts:AssumeRole" }));
  // dev assumes the target itself only with MFA, and without a condition through hop: a row in each group.
  const target = role("target", doc(
    { Effect: "Allow", Principal: { AWS: hop.arn }, Action: "sts:AssumeRole" },
    { Effect: "Allow", Principal: { AWS: dev.arn }, Action: "sts:AssumeRole", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } },
  ));
  const index = buildAccessIndex({ accounts: [A], users: [dev], roles: [hop, target] });

  it("makes a row of each direct access and chain, in the group its path and conditions give", () => {
    const who = whoCanAssumeRows({ direct: index.direct(target.arn), chains: index.chains(target.arn) }, target.arn);
    expect(who.map((r) => [r.subject, groupOf(r)])).toEqual(expect.arrayContaining([[hop.arn, "direct"], [dev.arn, "conditional"], [dev.arn, "chains"]]));
    expect(findAccessRow(who, "conditional", dev.arn)?.conditions).toEqual([{ key: "aws:MultiFactorAuthPresent", operator: "Bool", values: ["true"], effect: "Allow" }]);
    expect(findAccessRow(who, "chains", dev.arn)?.path).toEqual([dev.arn, hop.arn, target.arn]);
    expect(findAccessRow(who, "direct", dev.arn)).toBeUndefined();

    const can = canAssumeRows({ direct: index.assumable(dev.arn), chains: index.reachable(dev.arn) }, dev.arn);
    expect(findAccessRow(can, "direct", hop.arn)).toMatchObject({ kind: "role", path: [dev.arn, hop.arn] });
    expect(findAccessRow(can, "chains", target.arn)?.path).toEqual([dev.arn, hop.arn, target.arn]);
  });

  it("pages and finds the index's answers kept as they are exactly as it pages their rows", () => {
    const who = { direct: index.direct(target.arn), chains: index.chains(target.arn) };
    const can = { direct: index.assumable(dev.arn), chains: index.reachable(dev.arn) };
    const pairs = [
      [AccessRowSet.whoCanAssume(who.direct, index.chainList(target.arn), target.arn), AccessRowSet.of(whoCanAssumeRows(who, target.arn))],
      [AccessRowSet.canAssume(can, dev.arn), AccessRowSet.of(canAssumeRows(can, dev.arn))],
    ] as const;
    for (const [kept, rows] of pairs) {
      expect(kept.size).toBe(rows.size);
      for (const sort of ["subject", "kind", "hops"] as const)
        for (const order of ["asc", "desc"] as const) for (const q of ["", "DEV", "hop"]) expect(kept.pages(query({ sort, order, q }))).toEqual(rows.pages(query({ sort, order, q })));
      for (const group of ACCESS_GROUPS) for (const subject of [dev.arn, hop.arn, target.arn]) expect(kept.find(group, subject)).toEqual(rows.find(group, subject));
    }
  });
});

describe("one row set asked many ways", () => {
  // Rows with subjects that differ only in case, kinds and path lengths, in no order.
  const names = ["Bob", "alice", "bob", "Carol", "dave", "Eve", "erin", "frank", "Alice2", "zoe"];
  const rows = names.flatMap((n, i) => [
    direct(arn(i % 3 ? "user" : "role", n), i % 3 ? "user" : "role", i % 4 === 0),
    chain(arn("user", `${n}-c`), 2 + (i % 3)),
  ]);
  /** The answer by a plain filter, sort and slice of every row, the reference the set must match. */
  function reference(q: AccessPageQuery, group: AccessGroup) {
    const needle = q.q.trim().toLowerCase();
    const key = (r: AccessRow) => [q.sort === "kind" ? r.kind : q.sort === "hops" ? String(r.path.length).padStart(3, "0") : "", r.subject.toLowerCase(), r.subject];
    const cmp = (a: AccessRow, b: AccessRow) => {
      const [ka, kb] = [key(a), key(b)];
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] < kb[i] ? -1 : 1;
      return 0;
    };
    const matching = rows.filter((r) => groupOf(r) === group && r.subject.toLowerCase().includes(needle)).sort((a, b) => (q.order === "desc" ? -cmp(a, b) : cmp(a, b)));
    return { matching: matching.length, subjects: matching.slice(q.offset, q.offset + q.limit).map((r) => r.subject) };
  }

  it("answers each sort, order, search and page as a fresh set would, whatever was asked before", () => {
    const set = AccessRowSet.of(rows);
    const queries: AccessPageQuery[] = [];
    for (const sort of ["subject", "kind", "hops"] as const)
      for (const order of ["asc", "desc"] as const)
        for (const q of ["", "ALICE", "b", "nobody"]) for (const [offset, limit] of [[0, 3], [2, 4], [0, 100]]) queries.push(query({ sort, order, q, offset, limit }));
    // Forwards and backwards, so every query follows others of every kind on the same set.
    for (const q of [...queries, ...queries.reverse()])
      for (const group of ACCESS_GROUPS) {
        const page = set.pages(q, [group])[group]!;
        const expected = reference(q, group);
        expect({ matching: page.matching, subjects: page.rows.map((r) => r.subject) }, JSON.stringify({ q, group })).toEqual(expected);
        expect(page.nextOffset).toBe(q.offset + q.limit < expected.matching ? q.offset + q.limit : null);
        expect(AccessRowSet.of(rows).pages(q, [group])).toEqual({ [group]: page });
      }
  });
});
