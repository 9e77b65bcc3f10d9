import { describe, expect, it } from "vitest";
import { decidingStatements } from "./deciding";
import { evaluateRequest } from "./evaluate";
import type { PolicySet, RequestPrincipal } from "./evaluate-types";

const alice: RequestPrincipal = { arn: "arn:aws:iam::111111111111:user/alice", accountId: "111111111111", type: "user", id: "AIDAALICE" };
const roleArn = "arn:aws:iam::111111111111:role/deploy";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const assume = (policies: PolicySet, context = {}) =>
  evaluateRequest({ action: "sts:AssumeRole", resource: roleArn, principal: alice, context }, policies);
const trust = (...s: object[]) => ({ document: doc(...s), ownerAccountId: "111111111111", kind: "trust" as const });

describe("decidingStatements", () => {
  it("names the trust statement whose condition failed, not the unrelated ones", () => {
    const d = assume({
      identity: [],
      resource: trust(
        { Sid: "Ec2", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
        { Sid: "Alice", Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole", Condition: { StringEquals: { "sts:ExternalId": "x" } } },
        { Sid: "Tags", Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:TagSession" },
      ),
    });
    expect(d.decision).toBe("ImplicitlyDenied");
    const deciding = decidingStatements(d);
    expect(deciding.map((s) => s.sid)).toEqual(["Ec2", "Alice"]);
    expect(deciding.find((s) => s.sid === "Alice")).toMatchObject({ failedOn: "condition", path: "Statement[1]", policy: { type: "trust" } });
  });

  it("names the identity statements when the trust policy delegates to the account", () => {
    const d = assume({
      identity: [{ name: "assume-other", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::111111111111:role/other" }) }],
      resource: trust({ Effect: "Allow", Principal: { AWS: "111111111111" }, Action: "sts:AssumeRole" }),
    });
    expect(d).toMatchObject({ decision: "ImplicitlyDenied", deniedBy: "identity" });
    expect(decidingStatements(d)).toEqual([expect.objectContaining({ failedOn: "resource", policy: expect.objectContaining({ type: "identity", name: "assume-other" }) })]);
  });

  it("names every applying Deny of an explicit deny, and the allowing statements of an allow", () => {
    const allowTrust = trust({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole" });
    const denied = assume({
      identity: [{ name: "AWSRevokeOlderSessions", document: doc({ Effect: "Deny", Action: "*", Resource: "*" }) }],
      resource: allowTrust,
    });
    expect(decidingStatements(denied)).toEqual([expect.objectContaining({ effect: "Deny", policy: expect.objectContaining({ name: "AWSRevokeOlderSessions" }) })]);
    const allowed = assume({ identity: [], resource: allowTrust });
    expect(allowed.decision).toBe("Allowed");
    expect(decidingStatements(allowed)).toEqual([expect.objectContaining({ effect: "Allow", applies: true, policy: expect.objectContaining({ type: "trust" }) })]);
  });

  it("is empty when no statement of the refusing type covers the action", () => {
    const d = assume({ identity: [], resource: trust({ Effect: "Allow", Principal: { AWS: alice.arn }, Action: "sts:TagSession" }) });
    expect(d.decision).toBe("ImplicitlyDenied");
    expect(decidingStatements(d)).toEqual([]);
  });
});
