import { describe, expect, it } from "vitest";
import { decideRequest } from "@/lib/policy";
import { RESOURCE_POLICY_TEMPLATES } from "./resource-policy-templates";

const CALLER = "arn:aws:iam::111111111111:user/alice";
const OWNER = "222222222222";
const ALLOW_ALL = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] });

describe("the comparison's resource-policy templates", () => {
  it.each(RESOURCE_POLICY_TEMPLATES.map((t) => [t.label, t] as const))("%s grants the named caller its action, and no one else", (_, t) => {
    const resource = t.resource(OWNER);
    const policies = (caller: string) => ({ identity: [{ name: "own", document: ALLOW_ALL }], resource: { document: t.policy(caller, resource, OWNER), ownerAccountId: OWNER, kind: "resource" as const } });
    const request = (arn: string) => ({ action: t.action, resource, principal: { arn, accountId: "111111111111", type: "user" as const }, context: {} });
    expect(decideRequest(request(CALLER), policies(CALLER)).decision).toBe("Allowed");
    expect(decideRequest(request("arn:aws:iam::111111111111:user/mallory"), policies(CALLER)).decision).toBe("ImplicitlyDenied");
  });
});
