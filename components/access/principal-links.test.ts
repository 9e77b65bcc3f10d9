import { describe, expect, it } from "vitest";
import { consoleHref, shortArn } from "./principal-links";

describe("principal links", () => {
  it("links users and roles of the account shown to their pages, by name whatever their path", () => {
    expect(consoleHref("arn:aws:iam::111111111111:role/ops/deploy", "111111111111")).toBe("/roles/deploy");
    expect(consoleHref("arn:aws:iam::111111111111:user/alice", "111111111111")).toBe("/users/alice");
  });

  it("gives no link to other accounts' principals, account roots, services or anyone", () => {
    for (const arn of ["arn:aws:iam::222222222222:role/deploy", "arn:aws:iam::111111111111:root", "lambda.amazonaws.com", "*"]) expect(consoleHref(arn, "111111111111")).toBeUndefined();
  });

  it("shortens an ARN to its kind and name, cut with an ellipsis past the limit", () => {
    expect(shortArn("arn:aws:iam::111111111111:role/ops/deploy", 22)).toBe("role/deploy");
    expect(shortArn("arn:aws:iam::111111111111:root", 22)).toBe("root");
    expect(shortArn("arn:aws:iam::111111111111:role/a-very-long-role-name-indeed", 12)).toBe("role/a-very…");
    expect(shortArn("lambda.amazonaws.com", 22)).toBe("lambda.amazonaws.com");
  });
});
