import { describe, expect, it } from "vitest";
import { simulatorLinkOfEvent, type RefusalEvent } from "./audit-link";
import { formFromParams, simulationBody } from "./simulator-state";

const refused: RefusalEvent = {
  time: "2026-11-29T10:00:00.000Z",
  actor: "admin@example.com",
  action: "AssumeRole",
  target: "arn:aws:iam::111111111111:role/deploy",
  outcome: "Failure",
  errorCode: "AccessDenied",
  source: "console",
  details: { callerArn: "arn:aws:iam::111111111111:user/alice", mfa: false, sourceIdentity: "alice" },
};

const bodyOf = (link: string) => {
  const params = new URL(link, "http://x").searchParams;
  return { body: simulationBody(formFromParams(params)), at: params.get("at"), path: new URL(link, "http://x").pathname };
};

describe("an audit refusal's explanation in the Simulator", () => {
  it("replays a refused assume as its caller, with the MFA and source identity it recorded", () => {
    const { body, at, path } = bodyOf(simulatorLinkOfEvent(refused)!);
    expect(path).toBe("/simulator");
    expect(at).toBe(refused.time);
    expect(body).toMatchObject({
      PolicySourceArn: "arn:aws:iam::111111111111:user/alice",
      ActionNames: ["sts:AssumeRole"],
      ResourceArns: ["arn:aws:iam::111111111111:role/deploy"],
      ContextEntries: [
        { ContextKeyName: "aws:MultiFactorAuthPresent", ContextKeyType: "boolean", ContextKeyValues: ["false"] },
        { ContextKeyName: "sts:SourceIdentity", ContextKeyType: "string", ContextKeyValues: ["alice"] },
      ],
    });
  });

  it("replays an API refusal as the signing principal, the action under IAM's prefix", () => {
    const e: RefusalEvent = { ...refused, action: "DeleteRole", source: "api", actor: "arn:aws:sts::111111111111:assumed-role/ops/s1", details: null };
    expect(bodyOf(simulatorLinkOfEvent(e)!).body).toMatchObject({ PolicySourceArn: "arn:aws:sts::111111111111:assumed-role/ops/s1", ActionNames: ["iam:DeleteRole"], ContextEntries: [] });
  });

  it("offers nothing for what is not an authorization refusal of an IAM principal", () => {
    expect(simulatorLinkOfEvent({ ...refused, outcome: "Success", errorCode: null })).toBeNull();
    expect(simulatorLinkOfEvent({ ...refused, errorCode: "NoSuchEntity" })).toBeNull();
    expect(simulatorLinkOfEvent({ ...refused, details: { provider: "accounts.google.com", subject: "123" } })).toBeNull();
    expect(simulatorLinkOfEvent({ ...refused, target: null })).toBeNull();
  });
});
