import { describe, expect, it } from "vitest";
import { AwsError } from "@/lib/domain/errors";
import { federatedSessionTags, SOURCE_IDENTITY_CLAIM, TAGS_CLAIM, webIdentitySessionClaims } from "./federated-claims";

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof AwsError ? { code: e.code, message: e.message } : e;
  }
  throw new Error("expected a refusal");
};

describe("session claims of a web identity token", () => {
  it("reads principal tags (one-value lists or strings), transitive keys and the source identity", () => {
    expect(
      webIdentitySessionClaims({
        sub: "x",
        [TAGS_CLAIM]: { principal_tags: { Project: ["Automation"], CostCenter: "987654" }, transitive_tag_keys: ["Project"] },
        [SOURCE_IDENTITY_CLAIM]: "alice",
      }),
    ).toEqual({ tags: { tags: [{ Key: "Project", Value: "Automation" }, { Key: "CostCenter", Value: "987654" }], transitiveTagKeys: ["Project"] }, sourceIdentity: "alice" });
    expect(webIdentitySessionClaims({ sub: "x" })).toEqual({ tags: { tags: [], transitiveTagKeys: [] }, sourceIdentity: undefined });
  });

  it("refuses malformed tag claims, duplicate keys ignoring case, transitive keys naming no tag, and aws: source identities", () => {
    expect(refusal(() => webIdentitySessionClaims({ [TAGS_CLAIM]: "team=blue" }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(refusal(() => webIdentitySessionClaims({ [TAGS_CLAIM]: { principal_tags: { team: ["a", "b"] } } }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(refusal(() => webIdentitySessionClaims({ [TAGS_CLAIM]: { principal_tags: { team: [1] } } }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(refusal(() => webIdentitySessionClaims({ [TAGS_CLAIM]: { principal_tags: { Team: ["a"], team: ["b"] } } }))).toMatchObject({
      message: "Duplicate tag keys found. Please note that Tag keys are case insensitive.",
    });
    expect(refusal(() => webIdentitySessionClaims({ [TAGS_CLAIM]: { transitive_tag_keys: ["team"] } }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(refusal(() => webIdentitySessionClaims({ [SOURCE_IDENTITY_CLAIM]: "aws:admin" }))).toMatchObject({ code: "InvalidParameterValue" });
    expect(refusal(() => webIdentitySessionClaims({ [SOURCE_IDENTITY_CLAIM]: ["alice"] }))).toMatchObject({ code: "InvalidParameterValue" });
  });

  it("treats __proto__ and constructor as ordinary names and pollutes nothing", () => {
    const claims = JSON.parse(`{"__proto__": {"polluted": 1}, "${TAGS_CLAIM}": {"__proto__": {"x": ["y"]}, "principal_tags": {"__proto__": ["v"], "constructor": ["w"]}}}`) as Record<string, unknown>;
    expect(webIdentitySessionClaims(claims).tags.tags).toEqual([{ Key: "__proto__", Value: "v" }, { Key: "constructor", Value: "w" }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("holds federated tags to AssumeRole's limits: 50 tags, keys of 128 characters", () => {
    const many = Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: "v" }));
    expect(refusal(() => federatedSessionTags(many, [], "SAML assertion"))).toMatchObject({ code: "InvalidParameterValue", message: expect.stringContaining("SAML assertion") });
    expect(refusal(() => federatedSessionTags([{ Key: "k".repeat(129), Value: "v" }], [], "SAML assertion"))).toMatchObject({ code: "InvalidParameterValue" });
  });
});
