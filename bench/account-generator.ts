// A generated AWS account in the shape `aws iam get-account-authorization-details` prints, for the import and access
// benchmarks: users in groups, customer policies, and roles that trust services, users, the account, other roles
// (chains 2–4 deep) and partners (with external ID or MFA conditions). Deterministic for a given seed, so two runs
// measure the same account.

export interface GeneratedAccountOptions {
  accountId?: string;
  users: number;
  roles: number;
  groups: number;
  policies?: number;
  seed?: number;
}

/** mulberry32: a small, fast, seedable generator; quality is irrelevant here, repeatability is not. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(17, "0")}`;
const doc = (...Statement: object[]) => ({ Version: "2012-10-17", Statement });
const CREATED = "2024-01-01T00:00:00Z";
const SERVICES = ["ec2.amazonaws.com", "lambda.amazonaws.com", "ecs-tasks.amazonaws.com", "glue.amazonaws.com", "states.amazonaws.com"];

export function generateAccount(o: GeneratedAccountOptions) {
  const acct = o.accountId ?? "444444444444";
  const rnd = random(o.seed ?? 42);
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)];
  const arn = (kind: string, name: string) => `arn:aws:iam::${acct}:${kind}/${name}`;
  const roleName = (i: number) => `role-${String(i).padStart(5, "0")}`;
  const userName = (i: number) => `user-${String(i).padStart(5, "0")}`;
  const groupName = (i: number) => `group-${String(i).padStart(4, "0")}`;
  const policyCount = o.policies ?? 50;

  const policies = Array.from({ length: policyCount }, (_, i) => {
    const name = `policy-${String(i).padStart(3, "0")}`;
    return {
      PolicyName: name,
      PolicyId: id("ANPA", i),
      Arn: arn("policy", name),
      Path: "/",
      DefaultVersionId: "v1",
      AttachmentCount: 0,
      PermissionsBoundaryUsageCount: 0,
      IsAttachable: true,
      CreateDate: CREATED,
      UpdateDate: CREATED,
      PolicyVersionList: [
        {
          Document: doc({ Effect: "Allow", Action: [`s3:GetObject`, `dynamodb:Query`], Resource: `arn:aws:s3:::bucket-${i}/*` }),
          VersionId: "v1",
          IsDefaultVersion: true,
          CreateDate: CREATED,
        },
      ],
    };
  });

  // Groups let their members assume a band of roles: the "who can assume" answer must go through groups.
  const groups = Array.from({ length: o.groups }, (_, g) => ({
    Path: "/",
    GroupName: groupName(g),
    GroupId: id("AGPA", g),
    Arn: arn("group", groupName(g)),
    CreateDate: CREATED,
    GroupPolicyList: [
      { PolicyName: "assume-band", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: arn("role", `role-${String(g % 100).padStart(3, "0")}*`) }) },
    ],
    AttachedManagedPolicies: policyCount ? [{ PolicyName: policies[g % policyCount].PolicyName, PolicyArn: policies[g % policyCount].Arn }] : [],
  }));

  const users = Array.from({ length: o.users }, (_, u) => ({
    Path: "/",
    UserName: userName(u),
    UserId: id("AIDA", u),
    Arn: arn("user", userName(u)),
    CreateDate: CREATED,
    UserPolicyList: u % 7 === 0 ? [{ PolicyName: "assume-any", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }] : [],
    GroupList: o.groups ? [groupName(u % o.groups)] : [],
    AttachedManagedPolicies: [],
    Tags: [{ Key: "team", Value: `team-${u % 20}` }],
  }));

  const roles = Array.from({ length: o.roles }, (_, r) => {
    const kind = rnd();
    let principal: object;
    let condition: object | undefined;
    if (kind < 0.3) principal = { Service: pick(SERVICES) };
    else if (kind < 0.55) principal = { AWS: arn("user", userName(Math.floor(rnd() * o.users))) };
    else if (kind < 0.75 && r > 0) principal = { AWS: arn("role", roleName(Math.floor(rnd() * r))) }; // chains: an earlier role
    else if (kind < 0.85) principal = { AWS: `arn:aws:iam::${acct}:root` };
    else {
      principal = { AWS: `arn:aws:iam::${String(100000000000 + Math.floor(rnd() * 1000)).padStart(12, "0")}:root` };
      condition = rnd() < 0.5 ? { StringEquals: { "sts:ExternalId": `ext-${r}` } } : { Bool: { "aws:MultiFactorAuthPresent": "true" } };
    }
    const name = roleName(r);
    const trust = doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) });
    return {
      Path: "/",
      RoleName: name,
      RoleId: id("AROA", r),
      Arn: arn("role", name),
      CreateDate: CREATED,
      AssumeRolePolicyDocument: trust,
      InstanceProfileList: [],
      // Roles that can assume further roles make chains.
      RolePolicyList: r % 3 === 0 ? [{ PolicyName: "hop", PolicyDocument: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }] : [],
      AttachedManagedPolicies: policyCount ? [{ PolicyName: policies[r % policyCount].PolicyName, PolicyArn: policies[r % policyCount].Arn }] : [],
      Tags: [],
      RoleLastUsed: {},
    };
  });

  return { UserDetailList: users, GroupDetailList: groups, RoleDetailList: roles, Policies: policies };
}
