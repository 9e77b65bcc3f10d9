import { describe, expect, it } from "vitest";
import { analyzePassRole, type PassRolePrincipal, type PassedRole } from "./pass-role";

const ACCT = "111111111111";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const role: PassedRole = { arn: `arn:aws:iam::${ACCT}:role/app/worker`, accountId: ACCT, tags: [{ Key: "team", Value: "web" }], services: ["ec2.amazonaws.com", "lambda.amazonaws.com"] };

let n = 0;
function principal(kind: "user" | "role", identity: { name: string; arn?: string; document: string }[], extra: Partial<PassRolePrincipal> = {}): PassRolePrincipal {
  const name = `${kind}-${++n}`;
  return { kind, id: `${kind === "user" ? "AIDA" : "AROA"}${String(n).padStart(17, "0")}`, accountId: ACCT, name, arn: `arn:aws:iam::${ACCT}:${kind}/${name}`, tags: [], identity, ...extra };
}
const pairs = (a: ReturnType<typeof analyzePassRole>) => a.grants.map((g) => `${g.principal.name}→${g.service}`);

describe("who may pass a role to which service", () => {
  it("lets AdministratorAccess pass it to every service the trust policy names, naming the deciding statement", () => {
    const admin = principal("user", [{ name: "AdministratorAccess", arn: "arn:aws:iam::aws:policy/AdministratorAccess", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }]);
    const result = analyzePassRole(role, [admin]);
    expect(pairs(result)).toEqual([`${admin.name}→ec2.amazonaws.com`, `${admin.name}→lambda.amazonaws.com`]);
    expect(result.grants[0].allowedBy).toEqual({ policyName: "AdministratorAccess", policyArn: "arn:aws:iam::aws:policy/AdministratorAccess", statementIndex: 0, sid: undefined });
    expect(result.principalsChecked).toBe(1);
  });

  it("honours iam:PassedToService, resource patterns and explicit denies", () => {
    const lambdaOnly = principal("role", [{ name: "pass", document: doc({ Sid: "PassToLambda", Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } } }) }]);
    const otherPath = principal("user", [{ name: "pass", document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${ACCT}:role/ops/*` }) }]);
    const denied = principal("user", [
      { name: "all", document: doc({ Effect: "Allow", Action: "iam:*", Resource: "*" }) },
      { name: "no-ec2", document: doc({ Effect: "Deny", Action: "iam:PassRole", Resource: "*", Condition: { StringLike: { "iam:PassedToService": "ec2.*" } } }) },
    ]);
    const result = analyzePassRole(role, [lambdaOnly, otherPath, denied]);
    expect(pairs(result)).toEqual([`${lambdaOnly.name}→lambda.amazonaws.com`, `${denied.name}→lambda.amazonaws.com`]);
    expect(result.grants[0].allowedBy).toMatchObject({ policyName: "pass", sid: "PassToLambda", statementIndex: 0 });
    expect(result.grants[0].principal.kind).toBe("role");
  });

  it("holds principals to their permissions boundary; a boundary that is gone allows nothing", () => {
    const all = [{ name: "all", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }];
    const bounded = principal("user", all, { boundary: { arn: "arn:aws:iam::aws:policy/ReadOnlyAccess", document: doc({ Effect: "Allow", Action: "s3:Get*", Resource: "*" }) } });
    const passBoundary = principal("user", all, { boundary: { arn: `arn:aws:iam::${ACCT}:policy/pass`, document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "*" }) } });
    const orphaned = principal("user", all, { boundary: { arn: `arn:aws:iam::${ACCT}:policy/deleted`, document: null } });
    const result = analyzePassRole({ ...role, services: ["ec2.amazonaws.com"] }, [bounded, passBoundary, orphaned]);
    expect(pairs(result)).toEqual([`${passBoundary.name}→ec2.amazonaws.com`]);
    expect(result.grants[0].boundaryArn).toBe(`arn:aws:iam::${ACCT}:policy/pass`);
  });

  it("gives conditions the role's tags and the principal's tags and name", () => {
    const byTag = principal("user", [{ name: "t", document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:ResourceTag/team": "${aws:PrincipalTag/team}" } } }) }], { tags: [{ Key: "team", Value: "web" }] });
    const otherTeam = principal("user", byTag.identity, { tags: [{ Key: "team", Value: "data" }] });
    const byName = principal("user", [{ name: "n", document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: `arn:aws:iam::${ACCT}:role/app/*`, Condition: { StringLike: { "aws:username": "user-*" } } }) }]);
    const result = analyzePassRole({ ...role, services: ["ec2.amazonaws.com"] }, [byTag, otherTeam, byName]);
    expect(pairs(result)).toEqual([`${byTag.name}→ec2.amazonaws.com`, `${byName.name}→ec2.amazonaws.com`]);
  });

  it("counts NotAction statements and wildcards, and skips principals whose policies never concern PassRole", () => {
    const notAction = principal("role", [{ name: "all-but-s3", document: doc({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }) }]);
    const wildcard = principal("user", [{ name: "w", document: doc({ Effect: "Allow", Action: ["s3:Get*", "IAM:Pass*"], Resource: "*" }) }]);
    const unrelated = principal("user", [{ name: "s3", document: doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }) }]);
    const excluded = principal("user", [{ name: "not-iam", document: doc({ Effect: "Allow", NotAction: "iam:*", Resource: "*" }) }]);
    const result = analyzePassRole({ ...role, services: ["ec2.amazonaws.com"] }, [notAction, wildcard, unrelated, excluded]);
    expect(pairs(result)).toEqual([`${notAction.name}→ec2.amazonaws.com`, `${wildcard.name}→ec2.amazonaws.com`]);
    expect(result.principalsChecked).toBe(4);
  });

  it("does not count statements that need keys only a live request has", () => {
    const fromOffice = principal("user", [{ name: "ip", document: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }) }]);
    expect(analyzePassRole(role, [fromOffice]).grants).toEqual([]);
  });

  it("has nothing to evaluate for a role no service may assume", () => {
    const admin = principal("user", [{ name: "all", document: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }]);
    expect(analyzePassRole({ ...role, services: [] }, [admin]).grants).toEqual([]);
  });
});
