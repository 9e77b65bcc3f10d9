import { describe, expect, it } from "vitest";
import { roleWayDecision, waysDiffer, type WaysInput } from "./compare-ways";

const base: WaysInput = {
  callerArn: "arn:aws:iam::111111111111:user/alice",
  callerAccount: "111111111111",
  resourceAccount: "222222222222",
  action: "s3:GetObject",
  viaRole: { roleArn: "arn:aws:iam::222222222222:role/readers", assume: "allowed", act: "allowed" },
  viaResourcePolicy: "implicitDeny",
};
const text = (w: WaysInput, topic: string) => waysDiffer(w).find((d) => d.topic === topic)?.text ?? "";

describe("roles compared with resource-based policies, in words", () => {
  it("the role's way is decided at the assume first, then by the role's permissions", () => {
    expect(roleWayDecision("explicitDeny", "allowed")).toBe("explicitDeny");
    expect(roleWayDecision("allowed", "implicitDeny")).toBe("implicitDeny");
    expect(roleWayDecision("allowed", "allowed")).toBe("allowed");
  });

  it("says which way allows the request, and where the other one stops", () => {
    expect(text(base, "Outcome")).toBe("Only the role allows it: through the resource policy the request is implicitly denied (nothing allows it).");
    expect(text({ ...base, viaRole: { ...base.viaRole!, assume: "explicitDeny" }, viaResourcePolicy: "allowed" }, "Outcome")).toBe(
      "Only the resource policy allows it: through the role the request is explicitly denied at sts:AssumeRole.",
    );
    expect(text({ ...base, viaResourcePolicy: "allowed" }, "Outcome")).toBe("Both ways allow it.");
    expect(text({ ...base, viaRole: undefined }, "Outcome")).toContain("Name a role in account 222222222222");
  });

  it("across accounts both sides must allow the resource policy's way; in one account either", () => {
    expect(text(base, "Whose permissions apply")).toContain("both its identity policy and the resource policy must allow s3:GetObject");
    expect(text(base, "Whose permissions apply")).toContain("gives up its own permissions for those of readers");
    expect(text({ ...base, callerAccount: "222222222222" }, "Whose permissions apply")).toContain("either its identity policy or the resource policy");
  });

  it("names what the audit records for each way", () => {
    const audit = text(base, "What the audit records");
    expect(audit).toContain("arn:aws:sts::222222222222:assumed-role/readers/SESSION-NAME");
    expect(audit).toContain("with the caller's own identity (arn:aws:iam::111111111111:user/alice), no role session in between");
    expect(audit).toContain("of the role's account with the caller's account and principal ID");
  });
});
