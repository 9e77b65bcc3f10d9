import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { validatePolicy } from "@/lib/policy";
import { LIMITS, limitsMarkdown, SESSION_DURATION_CHOICES } from "./limits";
import { PRINCIPAL_RULES } from "./principal-kinds";
import * as s from "./schemas";

/**
 * Every schema bound must be the table's: each check builds the value at the limit (accepted) and one past it
 * (refused). A schema that restates a number, or a table entry that drifts, fails here.
 */
const text = (n: number, c = "a") => c.repeat(n);
const tag = (i: number) => ({ Key: `k${i}`, Value: "v" });

type Probe = [name: string, schema: z.ZodType, make: (n: number) => unknown, bounds: { min: number; max: number }];

const probes: Probe[] = [
  ["RoleName", s.roleNameSchema, text, LIMITS.roleName],
  ["UserName", s.userNameSchema, text, LIMITS.userName],
  ["UserName of an existing user", s.existingUserNameSchema, text, LIMITS.existingUserName],
  ["GroupName", s.groupNameSchema, text, LIMITS.groupName],
  ["PolicyName", s.policyNameSchema, text, LIMITS.policyName],
  ["Path", s.pathSchema, (n) => (n < 2 ? text(n, "/") : `/${text(n - 2)}/`), LIMITS.path],
  ["PathPrefix", s.pathPrefixSchema, (n) => (n === 0 ? "" : `/${text(n - 1)}`), LIMITS.pathPrefix],
  ["Description", s.descriptionSchema, text, LIMITS.description],
  ["PolicyDocument", s.policyDocumentSchema, text, LIMITS.policyDocument],
  ["ARN", s.arnSchema, text, LIMITS.arn],
  ["AccessKeyId", s.accessKeyIdSchema, (n) => text(n, "A"), LIMITS.accessKeyId],
  ["tag key", s.tagSchema, (n) => ({ Key: text(n), Value: "" }), LIMITS.tagKey],
  ["tag value", s.tagSchema, (n) => ({ Key: "k", Value: text(n) }), LIMITS.tagValue],
  ["MaxSessionDuration", s.maxSessionDurationSchema, (n) => n, LIMITS.maxSessionDuration],
  ["MaxItems", s.paginationSchema, (n) => ({ MaxItems: n }), LIMITS.maxItems],
  ["Marker", s.paginationSchema, (n) => (n === 0 ? { Marker: "" } : { Marker: text(n) }), LIMITS.marker],
  ["Tags", s.tagListSchema, (n) => Array.from({ length: n }, (_, i) => tag(i)), { min: 0, max: LIMITS.tagsPerEntity }],
  ["TagKeys", s.tagKeyListSchema, (n) => Array.from({ length: n }, (_, i) => `k${i}`), { min: 0, max: LIMITS.tagsPerEntity }],
  ["InstanceProfileName", s.instanceProfileNameSchema, text, LIMITS.instanceProfileName],
  ["AWSServiceName", s.createServiceLinkedRoleSchema.shape.AWSServiceName, text, LIMITS.awsServiceName],
  ["CustomSuffix", s.createServiceLinkedRoleSchema.shape.CustomSuffix, text, LIMITS.customSuffix],
  ["DeletionTaskId", s.deletionTaskIdSchema, text, LIMITS.deletionTaskId],
  ["PolicyArns", s.createRoleWithPermissionsSchema.shape.PolicyArns, (n) => Array.from({ length: n }, () => text(20)), { min: 0, max: LIMITS.managedPoliciesPerRole }],
];

describe("the limits table and the schemas", () => {
  it.each(probes)("%s accepts its limits and refuses one past them", (_name, schema, make, { min, max }) => {
    expect(schema.safeParse(make(max)).success).toBe(true);
    expect(schema.safeParse(make(max + 1)).success).toBe(false);
    expect(schema.safeParse(make(min)).success).toBe(true);
    if (min > 0) expect(schema.safeParse(make(min - 1)).success).toBe(false);
  });

  it("offers session lengths within the range, the default among them", () => {
    expect(SESSION_DURATION_CHOICES).toContain(LIMITS.maxSessionDuration.default);
    for (const d of SESSION_DURATION_CHOICES) expect(s.maxSessionDurationSchema.safeParse(d).success).toBe(true);
  });

  it("gives each principal kind its quotas from the table", () => {
    expect(PRINCIPAL_RULES.role).toMatchObject({ managedPolicyQuota: LIMITS.managedPoliciesPerRole, inlinePolicySizeQuota: LIMITS.inlinePolicySizePerRole });
    expect(PRINCIPAL_RULES.user).toMatchObject({ managedPolicyQuota: LIMITS.managedPoliciesPerUser, inlinePolicySizeQuota: LIMITS.inlinePolicySizePerUser });
    expect(PRINCIPAL_RULES.group).toMatchObject({ managedPolicyQuota: LIMITS.managedPoliciesPerGroup, inlinePolicySizeQuota: LIMITS.inlinePolicySizePerGroup, boundary: false, tags: false });
  });

  it("holds the policy core to the table's document quotas", () => {
    const ofSize = (n: number) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Sid: text(n) }] });
    const overhead = ofSize(0).length;
    const flagged = (kind: "trust" | "identity", size: number) =>
      validatePolicy(ofSize(size - overhead), kind).some((f) => f.code.startsWith("POLICY_SIZE_EXCEEDS"));
    expect([flagged("identity", LIMITS.managedPolicySize), flagged("identity", LIMITS.managedPolicySize + 1)]).toEqual([false, true]);
    expect([flagged("trust", LIMITS.trustPolicySize), flagged("trust", LIMITS.trustPolicySize + 1)]).toEqual([false, true]);
  });

  it("is the table the README shows (run `npm run docs:limits` after changing it)", () => {
    const readme = fs.readFileSync(path.join(process.cwd(), "README.md"), "utf8");
    const section = /<!-- limits:start -->\n([\s\S]*?)\n<!-- limits:end -->/.exec(readme)?.[1];
    expect(section).toBe(limitsMarkdown());
  });
});
