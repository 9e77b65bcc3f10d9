import { describe, expect, it } from "vitest";
import { templateOf } from "@/lib/domain/resource-policy-templates";
import { compareBody, compareFormFromParams, compareMissing, compareParamsFromForm, EMPTY_COMPARE, withTemplate } from "./compare-state";

const partner = "arn:aws:iam::999999999999:user/partner";
const role = "arn:aws:iam::222222222222:role/readers";

describe("the comparison's form in the URL", () => {
  it("round-trips through the address, the policy kept as written", () => {
    const form = { ...withTemplate({ ...EMPTY_COMPARE, principal: partner, role }, "sqs-queue", "111111111111"), suppose: false };
    form.policy = `\n  ${form.policy}`;
    const back = compareFormFromParams(new URLSearchParams(compareParamsFromForm(form).toString()));
    expect(back).toEqual(form);
    expect(compareBody(back)).toEqual(compareBody(form));
    expect(compareBody(back)).toMatchObject({ PrincipalArn: partner, RoleArn: role, Action: "sqs:SendMessage", ResourceArn: "arn:aws:sqs:us-east-1:222222222222:orders" });
    expect(compareBody(back).SupposeExternalAllowed).toBeUndefined();
  });

  it("supposes an unknown account allows unless the link says suppose=0", () => {
    expect(compareFormFromParams(new URLSearchParams("principal=x")).suppose).toBe(true);
    expect(compareFormFromParams(new URLSearchParams("suppose=0")).suppose).toBe(false);
    expect(compareParamsFromForm(EMPTY_COMPARE).toString()).toBe("");
  });

  it("fills a link's missing policy from its template, for its caller and resource", () => {
    const resource = "arn:aws:s3:::shared-reports/2026/summary.csv";
    const params = new URLSearchParams({ principal: partner, role, template: "s3-bucket", action: "s3:GetObject", resource, account: "222222222222" });
    const form = compareFormFromParams(params);
    expect(form.policy).toBe(templateOf("s3-bucket")!.policy(partner, resource, "222222222222"));
    expect(compareMissing(form)).toBeUndefined();
  });

  it("ignores a template the console does not offer, and says what is missing", () => {
    const form = compareFormFromParams(new URLSearchParams({ principal: partner, template: "__proto__" }));
    expect(form.template).toBe("");
    expect(compareMissing(form)).toBe("Name the action and the resource.");
    expect(compareMissing(EMPTY_COMPARE)).toBe("Choose the caller.");
  });
});
