import { describe, expect, it } from "vitest";
import { buildTrustPolicy, defaultTrustChoice, type TrustChoice } from "@/lib/trust-builder/build";
import { choiceForAnswer, ROLE_GUIDE_ANSWERS, type RoleGuideAnswer } from "./role-guide";

const apply = (answer: RoleGuideAnswer, from: TrustChoice = defaultTrustChoice()): TrustChoice => ({ ...from, ...choiceForAnswer(answer, from) });

describe("Which kind of role do I need?", () => {
  it("picks the card for each answer", () => {
    const picked = Object.fromEntries(ROLE_GUIDE_ANSWERS.map((a) => [a.id, apply(a.id).entity]));
    expect(picked).toEqual({
      service: "service",
      "this-account": "account",
      "other-account": "account",
      "third-party": "account",
      web: "web-identity",
      directory: "saml",
    });
  });

  it("asks a third party for an external ID, and only a third party", () => {
    const third = apply("third-party");
    expect(third.account).toMatchObject({ which: "other", requireExternalId: true });
    expect(buildTrustPolicy(third, "111122223333")!.Statement[0].Condition).toEqual({ StringEquals: { "sts:ExternalId": "<EXTERNAL-ID>" } });
    expect(apply("other-account", third).account).toMatchObject({ which: "other", requireExternalId: false });
    expect(apply("this-account", third).account).toMatchObject({ which: "this", requireExternalId: false });
  });

  it("keeps what was already entered", () => {
    const typed = apply("other-account");
    typed.account = { ...typed.account, accountId: "444455556666", requireMfa: true };
    typed.webIdentity = { ...typed.webIdentity, provider: "google", audience: "app" };
    const third = apply("third-party", typed);
    expect(third.account).toMatchObject({ accountId: "444455556666", requireMfa: true, requireExternalId: true });
    expect(apply("web", third).webIdentity).toMatchObject({ provider: "google", audience: "app" });
  });
});
