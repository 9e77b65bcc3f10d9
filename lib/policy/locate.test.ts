import { describe, expect, it } from "vitest";
import { pathSegments, spanAtPath } from "./locate";

const trust = JSON.stringify(
  {
    Version: "2012-10-17",
    Statement: [
      { Sid: "Ec2", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" },
      {
        Sid: "Partner",
        Effect: "Allow",
        Principal: { AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::333333333333:root"] },
        Action: "sts:AssumeRole",
        Condition: { StringEquals: { "sts:ExternalId": "abc" } },
      },
    ],
  },
  null,
  2,
);

const lines = (text: string, path: string) => {
  const s = spanAtPath(text, path);
  return s && [s.start.line, s.end.line];
};

describe("spanAtPath", () => {
  it("finds a statement, from its opening brace to its closing one", () => {
    expect(lines(trust, "Statement[0]")).toEqual([4, 11]);
    expect(lines(trust, "Statement[1]")).toEqual([12, 27]);
  });

  it("finds a condition key with a quoted segment, and an array item", () => {
    expect(lines(trust, 'Statement[1].Condition.StringEquals["sts:ExternalId"]')).toEqual([24, 24]);
    expect(spanAtPath(trust, 'Statement[1].Condition.StringEquals["sts:ExternalId"]')?.start.column).toBe(11);
    expect(lines(trust, "Statement[1].Principal.AWS[1]")).toEqual([18, 18]);
  });

  it("answers Statement[0] and Statement for a single statement written as an object", () => {
    const single = '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow"\n  }\n}';
    expect(lines(single, "Statement")).toEqual([3, 5]);
    expect(lines(single, "Statement[0]")).toEqual([3, 5]);
    expect(spanAtPath(single, "Statement[1]")).toBeNull();
  });

  it("takes the last of duplicate keys, as IAM does", () => {
    expect(lines('{\n"Sid": "a",\n"Sid": "b"\n}', "Sid")).toEqual([3, 3]);
  });

  it("is null for a path the text does not hold, an unreadable document or a malformed path", () => {
    expect(spanAtPath(trust, "Statement[7]")).toBeNull();
    expect(spanAtPath(trust, "Statement[0].Condition")).toBeNull();
    expect(spanAtPath("not json", "Statement[0]")).toBeNull();
    expect(spanAtPath(trust, "Statement[0]..Sid")).toBeNull();
    expect(pathSegments('a.b[2]["c:d"]')).toEqual(["a", "b", 2, "c:d"]);
    expect(pathSegments("a[")).toBeNull();
  });
});
