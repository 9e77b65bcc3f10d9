import { describe, expect, it } from "vitest";
import { evaluateRequest, type ContextValue, type IdentityPolicy, type RequestPrincipal } from "@/lib/policy";
import { adviseDenial, conditionChange, type DenialFacts } from "./denial-advice";

const A = "111111111111";
const B = "222222222222";
const roleArn = `arn:aws:iam::${A}:role/deploy`;
const alice = { arn: `arn:aws:iam::${A}:user/alice`, accountId: A };
const bob = { arn: `arn:aws:iam::${B}:user/bob`, accountId: B };
const sessionArn = `arn:aws:sts::${A}:assumed-role/builder/ci`;
const builderArn = `arn:aws:iam::${A}:role/builder`;
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allowAssume = (principal: object, extra: object = {}) => ({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...extra });

type Who = "alice" | "bob" | "session";

/** A refused assume as lib/sts/assume-role.ts evaluates it: the trust policy with the caller's own policies. */
function facts(o: {
  who?: Who;
  trust: string;
  identity?: IdentityPolicy[];
  context?: Record<string, ContextValue>;
  action?: string;
  check?: DenialFacts["check"];
  serviceLinked?: boolean;
  sourceIdentity?: string | null;
}): DenialFacts {
  const who = o.who ?? "alice";
  const principal: RequestPrincipal =
    who === "session"
      ? { arn: sessionArn, accountId: A, type: "assumed-role", id: "AROABUILDER", roleArn: builderArn }
      : { ...(who === "alice" ? alice : bob), type: "user", id: who === "alice" ? "AIDAALICE" : "AIDABOB" };
  const decision = evaluateRequest(
    { action: o.action ?? "sts:AssumeRole", resource: roleArn, principal, context: o.context },
    { identity: o.identity ?? [], resource: { document: o.trust, ownerAccountId: A, kind: "trust", arn: roleArn } },
  );
  return {
    check: o.check ?? "trust",
    decision,
    caller: {
      arn: principal.arn,
      accountId: principal.accountId,
      kind: who === "session" ? "role-session" : "user",
      principalArn: who === "session" ? builderArn : principal.arn,
      sourceIdentity: o.sourceIdentity ?? null,
    },
    role: { arn: roleArn, accountId: A, trustPolicy: o.trust, serviceLinked: o.serviceLinked ?? false },
    request: { roleArn, mfa: false },
  };
}

describe("what would have to change, for a trust policy that refuses", () => {
  const withExternalId = doc(allowAssume({ AWS: alice.arn }, { Sid: "Vendor", Condition: { StringEquals: { "sts:ExternalId": "a1b2c3" } } }));

  it("asks for the External ID the trust policy names, or the right one", () => {
    const missing = adviseDenial(facts({ trust: withExternalId }));
    expect(missing.summary).toBe(`The role's trust policy names ${alice.arn}, but does not let it assume the role as this request stands.`);
    expect(missing.changes).toEqual([`Statement #1 (Sid "Vendor") of the role's trust policy: pass External ID "a1b2c3": the trust policy requires it.`]);
    const wrong = adviseDenial(facts({ trust: withExternalId, context: { "sts:ExternalId": "zzz" } }));
    expect(wrong.changes).toEqual([`Statement #1 (Sid "Vendor") of the role's trust policy: pass External ID "a1b2c3", not "zzz".`]);
  });

  it("asks a user for an MFA code, and says a session cannot add MFA", () => {
    const mfa = doc(allowAssume({ AWS: `arn:aws:iam::${A}:root` }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }));
    const user = adviseDenial(facts({ trust: mfa, identity: [{ name: "p", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }] }));
    expect(user.changes.join(" ")).toContain("authenticate with MFA: choose one of the user's MFA devices");
    const session = adviseDenial(facts({ who: "session", trust: mfa, context: { "aws:MultiFactorAuthPresent": false } }));
    expect(session.changes.join(" ")).toContain("the calling session was issued without MFA");
  });

  it("says no statement names the caller, quoting what the trust policy does say", () => {
    const ec2 = doc(allowAssume({ Service: "ec2.amazonaws.com" }));
    const a = adviseDenial(facts({ trust: ec2 }));
    expect(a.summary).toMatch(new RegExp(`^No statement of the role's trust policy names ${alice.arn}\\. It says: .*EC2`));
    expect(a.changes).toEqual([`Add "${alice.arn}" (or its account, "arn:aws:iam::${A}:root") as an "AWS" principal of a statement that allows sts:AssumeRole.`]);
    expect(adviseDenial(facts({ trust: ec2, serviceLinked: true })).changes).toEqual([
      "This is a service-linked role: only its service can assume it, and its trust policy cannot be changed.",
    ]);
    expect(adviseDenial(facts({ who: "session", trust: ec2 })).changes).toEqual([`Add the calling role "${builderArn}" as an "AWS" principal of a statement that allows sts:AssumeRole.`]);
  });

  it("leaves out statements naming other principals when one names the caller", () => {
    const trust = doc(allowAssume({ Service: "ec2.amazonaws.com" }), allowAssume({ AWS: alice.arn }, { Condition: { StringLike: { "sts:RoleSessionName": "ci-*" } } }));
    const a = adviseDenial(facts({ trust, context: { "sts:RoleSessionName": "manual" } }));
    expect(a.changes).toEqual([`Statement #2 of the role's trust policy: use a role session name matching "ci-*" (StringLike), not "manual".`]);
  });

  it("asks for sts:TagSession in the trust policy when tags were passed", () => {
    const a = adviseDenial(facts({ trust: doc(allowAssume({ AWS: alice.arn })), action: "sts:TagSession", check: "tag-session" }));
    expect(a.summary).toBe(`The trust policy lets ${alice.arn} assume the role, but not pass session tags.`);
    expect(a.changes[0]).toContain(`Add "sts:TagSession" to the Action`);
  });
});

describe("what would have to change, for identity-based policies", () => {
  it("in the same account: the trust policy names only the account, so an identity policy must allow", () => {
    const a = adviseDenial(facts({ trust: doc(allowAssume({ AWS: A })) }));
    expect(a.summary).toBe(
      `The trust policy names only the account ${A}, not ${alice.arn} itself, so ${alice.arn}'s identity-based policies must allow sts:AssumeRole on the role, and none does.`,
    );
    expect(a.changes).toEqual([
      `Attach a policy to the user ${alice.arn} that allows "sts:AssumeRole" on "${roleArn}".`,
      `Or name "${alice.arn}" (or its account, "arn:aws:iam::${A}:root") in the trust policy itself: then no identity-based policy is needed.`,
    ]);
  });

  it("points at an identity statement that allows assuming other roles only", () => {
    const identity = [{ name: "assume-others", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: `arn:aws:iam::${A}:role/other` }) }];
    const a = adviseDenial(facts({ trust: doc(allowAssume({ AWS: A })), identity }));
    expect(a.changes[0]).toBe(`Statement #1 of the inline policy assume-others allows sts:AssumeRole, but not on ${roleArn}: add the role's ARN to its Resource.`);
  });

  it("across accounts: both sides must allow, and both changes are named at once", () => {
    const a = adviseDenial(facts({ who: "bob", trust: doc(allowAssume({ AWS: `arn:aws:iam::${A}:root` })) }));
    expect(a.summary).toMatch(new RegExp(`^${bob.arn} is in account ${B} and the role in ${A}: across accounts`));
    expect(a.changes).toContain(`Attach a policy to the user ${bob.arn} that allows "sts:AssumeRole" on "${roleArn}".`);
    expect(a.changes.some((c) => c.startsWith("The trust policy does not allow it either: no statement of the role's trust policy names"))).toBe(true);
    expect(a.changes.some((c) => c.startsWith("Or name"))).toBe(false);
  });
});

describe("explicit denies", () => {
  it("a session revoked by AWSRevokeOlderSessions is told to assume its role again", () => {
    const revoke = { name: "AWSRevokeOlderSessions", document: doc({ Effect: "Deny", Action: ["*"], Resource: ["*"], Condition: { DateLessThan: { "aws:TokenIssueTime": "2030-01-01T00:00:00Z" } } }) };
    const a = adviseDenial(facts({ who: "session", trust: doc(allowAssume({ AWS: builderArn })), identity: [revoke], context: { "aws:TokenIssueTime": "2029-01-01T00:00:00Z" } }));
    expect(a.summary).toContain(`the inline policy AWSRevokeOlderSessions of ${builderArn} denies every action`);
    expect(a.changes).toEqual([`Assume ${builderArn} again for a new session, and chain from that one.`]);
  });

  it("another Deny is named with its statement", () => {
    const a = adviseDenial(facts({ trust: doc(allowAssume({ AWS: alice.arn }), { Sid: "NoAlice", Effect: "Deny", Principal: { AWS: alice.arn }, Action: "sts:AssumeRole" }) }));
    expect(a.summary).toBe("The role's trust policy denies sts:AssumeRole with an explicit Deny, which overrides every Allow.");
    expect(a.changes).toEqual([`Remove or narrow Statement #2 (Sid "NoAlice") of the role's trust policy, or make its condition not match this request.`]);
  });
});

describe("refusals before policies are evaluated", () => {
  const base = facts({ trust: doc(allowAssume({ AWS: alice.arn })) });

  it("a missing role, a half-sent MFA pair, a wrong code, a changed source identity", () => {
    expect(adviseDenial({ ...base, check: "role", role: null, decision: null }).summary).toMatch(/^The role arn:aws:iam::111111111111:role\/deploy does not exist/);
    expect(adviseDenial({ ...base, check: "mfa", decision: null }).changes).toEqual(["Send both: choose the MFA device and enter the code it shows now."]);
    const wrong = adviseDenial({ ...base, check: "mfa", decision: null, request: { roleArn, mfa: true, mfaSerialNumber: `arn:aws:iam::${A}:mfa/phone` } });
    expect(wrong.summary).toBe(`The MFA code was not accepted for arn:aws:iam::${A}:mfa/phone.`);
    const kept = adviseDenial({ ...base, check: "source-identity", decision: null, caller: { ...base.caller, sourceIdentity: "alice@example.com" } });
    expect(kept.changes).toEqual([`Leave Source identity empty (the session's "alice@example.com" carries over), or pass "alice@example.com".`]);
  });
});

describe("conditionChange", () => {
  const f = facts({ trust: doc(allowAssume({ AWS: alice.arn })) });
  const check = (over: Partial<Parameters<typeof conditionChange>[0]>) =>
    conditionChange({ operator: "StringEquals", key: "x:y", passed: false, missing: false, policyValues: ["a"], requestValues: ["b"], path: "", ...over }, f);

  it("words principal tags, request tags, source IP and the rest", () => {
    expect(check({ key: "aws:PrincipalTag/team", policyValues: ["platform"], missing: true, requestValues: [] })).toBe(
      `The user must carry the tag team with a value matching "platform" (it has none): tag ${alice.arn}.`,
    );
    expect(check({ key: "aws:RequestTag/project", policyValues: ["blue", "green"], requestValues: ["red"] })).toBe(
      `Pass the session tag project with a value matching one of "blue", "green", not "red".`,
    );
    expect(check({ operator: "IpAddress", key: "aws:SourceIp", policyValues: ["10.0.0.0/8"], requestValues: ["192.0.2.1"] })).toBe(
      `The request must come from "10.0.0.0/8"; it came from "192.0.2.1".`,
    );
    expect(check({ operator: "StringNotEquals", key: "aws:PrincipalArn" })).toBe(
      `StringNotEquals on aws:PrincipalArn excludes "b": the request must carry a value other than "a", or the condition must change.`,
    );
    expect(check({})).toBe(`Make StringEquals on x:y hold: the policy expects "a", the request has "b".`);
  });
});
