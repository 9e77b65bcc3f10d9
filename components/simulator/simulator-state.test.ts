import { describe, expect, it } from "vitest";
import { canSimulate, EMPTY_FORM, formFromParams, paramsFromForm, simulationBody, type SimulatorForm } from "./simulator-state";

const form: SimulatorForm = {
  ...EMPTY_FORM,
  principal: " arn:aws:iam::111111111111:user/alice ",
  supposeAllowed: true,
  actions: "s3:GetObject, s3:PutObject\nsts:AssumeRole",
  resources: "arn:aws:s3:::b/a,b\narn:aws:s3:::b/c\n",
  context: [
    { key: "aws:SourceIp", type: "ip", values: "10.0.0.1" },
    { key: "aws:TagKeys", type: "stringList", values: "team, env" },
    { key: " ", type: "string", values: "ignored" },
  ],
};

describe("the Simulator's form in the URL", () => {
  it("round-trips through the address", () => {
    const back = formFromParams(new URLSearchParams(paramsFromForm(form).toString()));
    expect(simulationBody(back)).toEqual(simulationBody(form));
  });

  it("becomes the request the console route takes", () => {
    expect(simulationBody(form)).toEqual({
      PolicySourceArn: "arn:aws:iam::111111111111:user/alice",
      PolicyInputList: undefined,
      ActionNames: ["s3:GetObject", "s3:PutObject", "sts:AssumeRole"],
      // Resources split on lines only: IAM names may hold commas.
      ResourceArns: ["arn:aws:s3:::b/a,b", "arn:aws:s3:::b/c"],
      ContextEntries: [
        { ContextKeyName: "aws:SourceIp", ContextKeyType: "ip", ContextKeyValues: ["10.0.0.1"] },
        { ContextKeyName: "aws:TagKeys", ContextKeyType: "stringList", ContextKeyValues: ["team", "env"] },
      ],
      ResourcePolicy: undefined,
      CallerArn: undefined,
      SupposeExternalAllowed: true,
    });
  });

  it("ignores a context parameter that is not what the page writes", () => {
    for (const context of ["{", "{}", '[["k","nonsense",["v"]]]', '[["k","string","v"]]', '[{"__proto__":1}]'])
      expect(formFromParams(new URLSearchParams({ context })).context).toEqual([]);
  });

  it("needs actions and a principal or a policy", () => {
    expect(canSimulate(EMPTY_FORM)).toBe(false);
    expect(canSimulate({ ...EMPTY_FORM, actions: "s3:GetObject" })).toBe(false);
    expect(canSimulate({ ...EMPTY_FORM, actions: "s3:GetObject", policy: "{}" })).toBe(true);
  });
});
