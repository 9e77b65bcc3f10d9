import { describe, expect, it } from "vitest";
import type { PrincipalPolicies } from "@/lib/domain/types";
import { buildAccessIndex } from "./access-graph";
import type { AnalyzedRole } from "./assume-access";
import { adjacencyOf, focusOn, layoutFocus } from "./graph-focus";
import { accountGraph, type AccountGraph } from "./graph-view";

const A = "111111111111";
const B = "222222222222";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trust = (Principal: object, extra: object = {}) => doc({ Effect: "Allow", Principal, Action: "sts:AssumeRole", ...extra });
const assumeAny = { name: "assume", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) };

let n = 0;
const user = (accountId: string, name: string, identity: PrincipalPolicies["identity"] = []): PrincipalPolicies => ({
  id: `AIDA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:user/${name}`, tags: [], identity,
});
const role = (accountId: string, name: string, trustPolicy: string, identity: PrincipalPolicies["identity"] = []): AnalyzedRole => ({
  id: `AROA${String(++n).padStart(17, "0")}`, accountId, name, arn: `arn:aws:iam::${accountId}:role/${name}`, tags: [], identity, trustPolicy,
});

// alice → (MFA) → deploy → admin ← lambda.amazonaws.com; bob (account B) → bridge (B) → admin; admin → audit
const alice = user(A, "alice", [assumeAny]);
const bob = user(B, "bob", [assumeAny]);
const deploy = role(A, "deploy", trust({ AWS: alice.arn }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }), [assumeAny]);
const bridge = role(B, "bridge", trust({ AWS: bob.arn }), [assumeAny]);
const admin = role(A, "admin", doc(
  { Effect: "Allow", Principal: { AWS: [deploy.arn, bridge.arn] }, Action: "sts:AssumeRole" },
  { Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" },
), [assumeAny]);
const audit = role(A, "audit", trust({ AWS: admin.arn }));
const lonely = role(A, "lonely", trust({ AWS: `arn:aws:iam::${A}:user/gone` }));

function graphOfA(): AccountGraph {
  const index = buildAccessIndex({ accounts: [A, B], users: [alice, bob], roles: [deploy, bridge, admin, audit, lonely] });
  return accountGraph(A, [deploy, admin, audit, lonely].map((r) => ({ arn: r.arn, name: r.name })), index.direct);
}
const edgeList = (g: AccountGraph) => g.edges.map((e) => `${g.nodes[e.source].label}${e.conditional ? " -?-> " : " --> "}${g.nodes[e.target].label}`).sort();
const at = (g: AccountGraph, arn: string) => g.nodes.findIndex((x) => x.id === arn);

describe("an account's graph", () => {
  it("has the account's roles and everyone who can assume them, with conditional edges told apart", () => {
    const g = graphOfA();
    expect(edgeList(g)).toEqual([
      "admin --> audit",
      "alice -?-> deploy",
      "bob --> bridge",
      "bridge --> admin",
      "deploy --> admin",
      "lambda.amazonaws.com --> admin",
    ]);
    expect(g.nodes.find((x) => x.id === lonely.arn)).toMatchObject({ kind: "role", label: "lonely", inAccount: true });
    // Another account's role on a path in is followed to its own assumers, and is not the account's own.
    expect(g.nodes.find((x) => x.id === bridge.arn)).toMatchObject({ kind: "role", inAccount: false });
    expect(g.nodes.find((x) => x.id === "lambda.amazonaws.com")).toMatchObject({ kind: "service", inAccount: false });
    expect(new Set(g.nodes.map((x) => x.id)).size).toBe(g.nodes.length);
  });
});

describe("focus on a node", () => {
  it("draws the hops around it and highlights its incoming paths, nearest first", () => {
    const g = graphOfA();
    const adjacency = adjacencyOf(g);
    const focus = focusOn(g, adjacency, at(g, admin.arn), 2);
    expect(focus.incoming.map((i) => `${g.nodes[i.node].label}@${i.hops}`)).toEqual(["bridge@1", "deploy@1", "lambda.amazonaws.com@1", "alice@2", "bob@2"]);
    expect(focus.columns.get(at(g, audit.arn))).toBe(1);
    expect(focus.columns.get(at(g, lonely.arn))).toBeUndefined();
    const highlighted = [...focus.incomingEdges].map((e) => `${g.nodes[g.edges[e].source].label}>${g.nodes[g.edges[e].target].label}`).sort();
    expect(highlighted).toEqual(["alice>deploy", "bob>bridge", "bridge>admin", "deploy>admin", "lambda.amazonaws.com>admin"]);
    expect(focus.edges).toHaveLength(6);
    expect(focus.beyond).toBe(0);
  });

  it("counts the principals past the hops it draws", () => {
    const g = graphOfA();
    const focus = focusOn(g, adjacencyOf(g), at(g, audit.arn), 1);
    expect(focus.incoming.map((i) => g.nodes[i.node].label)).toEqual(["admin"]);
    expect(focus.beyond).toBe(5);
  });

  it("ends on cycles and lays columns out left to right without overlaps", () => {
    const x = role(A, "x", trust({ AWS: `arn:aws:iam::${A}:role/y` }), [assumeAny]);
    const y = role(A, "y", trust({ AWS: x.arn }), [assumeAny]);
    const many = Array.from({ length: 70 }, (_, i) => user(A, `u${i}`, [assumeAny]));
    const hub = role(A, "hub", trust({ AWS: many.map((u) => u.arn).concat(x.arn) }));
    const index = buildAccessIndex({ accounts: [A], users: many, roles: [x, y, hub] });
    const g = accountGraph(A, [x, y, hub].map((r) => ({ arn: r.arn, name: r.name })), index.direct);
    const focus = focusOn(g, adjacencyOf(g), at(g, hub.arn), 5);
    expect(focus.incoming.map((i) => g.nodes[i.node].label).slice(0, 1)).toEqual(["u0"]);
    expect(focus.incoming.find((i) => g.nodes[i.node].label === "y")?.hops).toBe(2);
    const positions = layoutFocus(g, focus);
    expect(positions.size).toBe(focus.columns.size);
    const keys = [...positions.values()].map((p) => `${p.x},${p.y}`);
    expect(new Set(keys).size).toBe(keys.length);
    // Upstream to the left of the center, nearer columns nearer to it.
    const xOf = (arn: string) => positions.get(at(g, arn))!.x;
    expect(xOf(hub.arn)).toBe(0);
    expect(xOf(y.arn)).toBeLessThan(Math.min(...many.map((u) => xOf(u.arn))));
  });
});
