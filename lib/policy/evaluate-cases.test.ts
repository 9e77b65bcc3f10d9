/**
 * Runs every JSON case file in ./cases/evaluate: each AWS evaluation rule is a data entry naming the AWS
 * page it comes from. Case shape: { name, source, request, policies, expect: { decision, deniedBy?, reasons? } };
 * each expected reason is a partial object that some reason of the decision must match.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decideRequest, evaluateRequest, explainDecision, type Decision, type EvaluationRequest, type PolicySet, type PolicyType } from "@/lib/policy";

interface EvaluateCase {
  name: string;
  source: string;
  request: EvaluationRequest;
  policies: PolicySet;
  expect: { decision: Decision["decision"]; deniedBy?: PolicyType; reasons?: object[] };
}

const dir = path.join(__dirname, "cases", "evaluate");
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe.each(files)("%s", (file) => {
  const cases = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as EvaluateCase[];

  it("names every case once and cites an AWS page", () => {
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect(c.source, c.name).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const d = evaluateRequest(c.request, c.policies);
    expect(d.decision).toBe(c.expect.decision);
    if (c.expect.deniedBy) expect(d.decision !== "Allowed" && d.deniedBy).toBe(c.expect.deniedBy);
    for (const r of c.expect.reasons ?? []) expect(d.reasons).toContainEqual(expect.objectContaining(partial(r)));
    // The fast path reaches the same decision, naming the same policy type.
    expect(decideRequest(c.request, c.policies)).toEqual(d.decision === "Allowed" ? { decision: "Allowed" } : { decision: d.decision, deniedBy: d.deniedBy });
    const lines = explainDecision(d);
    expect(lines[0]).toMatch(d.decision === "Allowed" ? /^Allowed/ : d.decision === "ExplicitlyDenied" ? /^Explicitly denied/ : /^Implicitly denied/);
  });
});

/**
 * Nested partial matching: `{policy: {name: "x"}}` matches a reason whose policy has at least that name; an array
 * of objects (`conditions`) must contain a match for each listed item; arrays of strings compare exactly.
 */
function partial(o: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, loose(v)]));
}

function loose(v: unknown): unknown {
  if (Array.isArray(v)) return v.some((x) => typeof x === "object") ? expect.arrayContaining(v.map(loose)) : v;
  return v !== null && typeof v === "object" ? expect.objectContaining(partial(v)) : v;
}
