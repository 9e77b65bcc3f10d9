import { describe, expect, it } from "vitest";
import { collectTrustedServices } from "./collect";

const trust = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

describe("collectTrustedServices", () => {
  it("reads the services Allow statements let assume the role, once each, in order", () => {
    const text = trust(
      { Effect: "Allow", Principal: { Service: ["ec2.amazonaws.com", "lambda.amazonaws.com"] }, Action: "sts:AssumeRole" },
      { Effect: "Allow", Principal: { Service: "ec2.amazonaws.com", AWS: "111111111111" }, Action: ["sts:AssumeRole", "sts:TagSession"] },
      { Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:*" },
    );
    expect(collectTrustedServices(text)).toEqual(["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com"]);
  });

  it("ignores Deny statements, statements that do not allow sts:AssumeRole, and unreadable text", () => {
    expect(collectTrustedServices(trust({ Effect: "Deny", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }))).toEqual([]);
    expect(collectTrustedServices(trust({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:TagSession" }))).toEqual([]);
    expect(collectTrustedServices("{not json")).toEqual([]);
  });
});
