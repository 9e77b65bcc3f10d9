import { describe, expect, it } from "vitest";
import { emptyDraft, firstStepWithErrors, placeError, toCreateInput, validateDraft, type DraftErrors, type RoleDraft } from "./draft";

const account = "111111111111";
const named = (patch: Partial<RoleDraft> = {}): RoleDraft => ({ ...emptyDraft(account), name: "web", ...patch });

describe("the wizard's draft", () => {
  it("is the one create request: policies, the inline policy, boundary, tags and the EC2 profile", () => {
    const input = toCreateInput(named({ policyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"], inlinePolicy: "{}", inlinePolicyName: " logs ", useBoundary: true, boundaryArn: "arn:aws:iam::aws:policy/PowerUserAccess" }));
    expect(input).toMatchObject({
      RoleName: "web",
      Path: "/",
      PolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"],
      InlinePolicies: [{ PolicyName: "logs", PolicyDocument: "{}" }],
      PermissionsBoundary: "arn:aws:iam::aws:policy/PowerUserAccess",
      CreateInstanceProfile: true,
    });
    expect(toCreateInput(named()).InlinePolicies).toBeUndefined();
  });

  it("places the schema's messages beside their inputs and finds the first step to fix", () => {
    const errors = validateDraft(named({ name: "has spaces", inlinePolicy: "{", inlinePolicyName: "", useBoundary: true, tags: [{ Key: "bad#", Value: "" }] }));
    expect(errors.name).toBe("Must satisfy regular expression pattern: [\\w+=,.@-]+");
    expect(errors.inlinePolicyName).toBe("Must have length greater than or equal to 1");
    expect(errors.inlinePolicy).toMatch(/^Not valid JSON/);
    expect(errors.boundary).toMatch(/Choose the managed policy/);
    expect(errors.tagRows?.[0]).toMatch(/^Tag 1 key: must satisfy/);
    expect(firstStepWithErrors(errors)).toBe("permissions");
    expect(firstStepWithErrors(validateDraft(named({ name: "" })))).toBe("review");
    expect(firstStepWithErrors(validateDraft(named()))).toBeNull();
  });

  it("places the member a server refusal names", () => {
    const errors: DraftErrors = {};
    expect(placeError(errors, "RoleName", "Role with name web already exists.")).toBe(true);
    expect(placeError(errors, "PolicyArns.1", "Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable.")).toBe(true);
    expect(placeError(errors, "InlinePolicies.0.PolicyDocument", "Syntax errors in policy.")).toBe(true);
    expect(placeError(errors, "Tags", "Duplicate tag keys found.")).toBe(true);
    expect(placeError(errors, "Marker", "?")).toBe(false);
    expect(errors).toEqual({
      name: "Role with name web already exists.",
      policyRows: { 1: "Policy arn:aws:iam::aws:policy/Nope does not exist or is not attachable." },
      inlinePolicy: "Syntax errors in policy.",
      tags: "Duplicate tag keys found.",
    });
  });
});
