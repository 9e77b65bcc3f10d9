import { describe, expect, it } from "vitest";
import { policyContextAt } from "./completion-context";

/** `|` marks the cursor. */
const at = (s: string) => policyContextAt(s.replace("|", ""), s.indexOf("|"));

describe("policyContextAt", () => {
  it("knows a key is expected at the top level and inside a statement", () => {
    expect(at("{|}")).toMatchObject({ slot: "key", path: [], inString: false });
    expect(at('{"Ver|}')).toMatchObject({ slot: "key", path: [], inString: true, typed: "Ver" });
    expect(at('{"Statement": [{"Effect": "Allow", |}]}')).toMatchObject({ slot: "key", path: ["Statement", 0], siblingKeys: ["Effect"] });
    expect(at('{"Statement": {"Eff|"}}')).toMatchObject({ slot: "key", path: ["Statement"] });
  });

  it("gives the member path of a value, array items included", () => {
    expect(at('{"Version": "|"}')).toMatchObject({ slot: "value", path: ["Version"], inString: true });
    expect(at('{"Statement": [{}, {"Effect": "A|"}]}')).toMatchObject({ slot: "value", path: ["Statement", 1, "Effect"], typed: "A" });
    expect(at('{"Statement": [{"Principal": {"Service": ["ec2.amazonaws.com", "la|"]}}]}')).toMatchObject({
      slot: "value",
      path: ["Statement", 0, "Principal", "Service"],
      typed: "la",
    });
  });

  it("returns the string contents as the range to replace", () => {
    const text = '{"Effect": "Al|low"}';
    const cx = at(text)!;
    expect(text.replace("|", "").slice(cx.from, cx.to)).toBe("Allow");
  });

  it("treats a bare word as something being typed", () => {
    expect(at('{"Statement": [{"Effect": Al|}]}')).toMatchObject({ slot: "value", path: ["Statement", 0, "Effect"], inString: false, typed: "Al" });
  });

  it("offers nothing right after a complete value or in a number", () => {
    expect(at('{"Effect": "Allow"|}')).toBeNull();
    expect(at('{"Effect": "Allow" |}')).toBeNull();
    expect(at('{"Statement": [{"Version": 12|}]}')).toBeNull();
  });

  it("collects the statement's actions wherever they are, for condition keys", () => {
    const cx = at('{"Statement": [{"Action": "iam:PassRole"}, {"Condition": {"StringEquals": {"|"}}, "Action": ["s3:GetObject", "ec2:Run*"]}]}');
    expect(cx).toMatchObject({ slot: "key", path: ["Statement", 1, "Condition", "StringEquals"], statementActions: ["s3:GetObject", "ec2:Run*"] });
  });

  it("copes with unterminated strings and unbalanced brackets", () => {
    expect(at('{"Statement": [{"Principal": {"AWS": ["arn:x", "|')).toMatchObject({ slot: "value", path: ["Statement", 0, "Principal", "AWS"] });
    expect(at('}}]]{"a": |')).toMatchObject({ slot: "value", path: ["a"] });
  });
});
