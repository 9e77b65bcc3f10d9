// A large generated account for the access analysis: USERS users in ~USERS/9 groups and ROLES roles under 50 team
// paths. Trust policies name the account (some with an external ID or MFA), a user, an earlier role (chains 2–4
// deep) or a service; a tenth of users may assume any role, others their team's roles or none; some groups grant
// their team's roles; a fifth of roles may assume their team's roles (so chains branch and cycle).
import type { AccessStore } from "@/lib/access/access-graph";
import type { PrincipalPolicies } from "@/lib/domain/types";

const A = "111111111111";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const id = (prefix: string, n: number) => `${prefix}${String(n).padStart(17, "0")}`;
const teamRoles = (t: number) => `arn:aws:iam::${A}:role/team-${t}/*`;

export function generateAccessAccount(USERS = 3000, ROLES = 10000): AccessStore {
  const GROUPS = Math.ceil(USERS / 9);
  const groupPolicies = Array.from({ length: GROUPS }, (_, g) =>
    g % 10 === 0 ? [{ name: `assume-team-${g % 50}`, document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: teamRoles(g % 50) }), group: { name: `g-${g}`, arn: `arn:aws:iam::${A}:group/g-${g}` } }] : [],
  );
  const users: PrincipalPolicies[] = Array.from({ length: USERS }, (_, i) => {
    const own = { name: "work", document: doc({ Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: `arn:aws:s3:::bucket-${i}/*` }) };
    const assume =
      i % 10 === 0 ? [{ name: "assume-any", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: "*" }) }]
        : i % 3 === 0 ? [{ name: "assume-team", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: teamRoles(i % 50) }) }]
          : [];
    return { id: id("AIDA", i), accountId: A, name: `u-${i}`, arn: `arn:aws:iam::${A}:user/u-${i}`, tags: [{ Key: "team", Value: `team-${i % 50}` }], identity: [own, ...assume, ...groupPolicies[i % GROUPS]] };
  });
  const roles = Array.from({ length: ROLES }, (_, i) => {
    const team = i % 50;
    const arn = `arn:aws:iam::${A}:role/team-${team}/r-${i}`;
    const kind = i % 10;
    const principal =
      kind < 3 ? { AWS: A }
        : kind < 6 ? { AWS: `arn:aws:iam::${A}:user/u-${(i * 7) % USERS}` }
          : kind < 9 && i >= 50 ? { AWS: `arn:aws:iam::${A}:role/team-${(i - 50) % 50}/r-${i - 50}` }
            : { Service: "lambda.amazonaws.com" };
    const condition = kind === 1 ? { StringEquals: { "sts:ExternalId": `ext-${i}` } } : kind === 2 ? { Bool: { "aws:MultiFactorAuthPresent": "true" } } : undefined;
    const identity = i % 5 === 0 ? [{ name: "assume-team", document: doc({ Effect: "Allow", Action: "sts:AssumeRole", Resource: teamRoles((team + 1) % 50) }) }] : [];
    return { id: id("AROA", i), accountId: A, name: `r-${i}`, arn, tags: [], identity, trustPolicy: doc({ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole", ...(condition ? { Condition: condition } : {}) }) };
  });
  return { accounts: [A], users, roles };
}
