/**
 * Plain-words summary of a trust policy for reviewers: one sentence per thing a statement allows or denies.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html
 */
import { Reporter } from "./findings";
import { readPolicy, type ConditionEntry, type StatementModel } from "./model";
import { parseJson } from "./parse";
import { allowedTrustActions, externalIds, namedPrincipals, requiresMfa, type NamedPrincipal } from "./trust-facts";

const SERVICE_NAMES: Record<string, string> = {
  ec2: "EC2", lambda: "Lambda", "ecs-tasks": "ECS tasks", ecs: "ECS", eks: "EKS", states: "Step Functions",
  glue: "Glue", sagemaker: "SageMaker", codebuild: "CodeBuild", codepipeline: "CodePipeline", events: "EventBridge",
  apigateway: "API Gateway", firehose: "Kinesis Data Firehose", rds: "RDS", s3: "S3", sns: "SNS", sqs: "SQS",
  backup: "AWS Backup", cloudformation: "CloudFormation", batch: "Batch", rolesanywhere: "IAM Roles Anywhere",
};
const KNOWN_IDPS: Record<string, string> = {
  "cognito-identity.amazonaws.com": "Amazon Cognito identity pools",
  "accounts.google.com": "Google",
  "graph.facebook.com": "Facebook",
  "www.amazon.com": "Login with Amazon",
};

/** Sentences describing who can assume the role and under which conditions. Never throws. */
export function describeTrustPolicy(text: string): string[] {
  const model = readPolicy(parseJson(text), new Reporter("trust"));
  if (!model) return ["This document is not a readable trust policy."];
  const out: string[] = [];
  for (const s of model.statements) {
    if (!s.principal) continue;
    const deny = s.effect?.value === "Deny";
    const verb = deny ? "cannot" : "can";
    const actions = allowedTrustActions(s);
    const how = actionPhrase(actions);
    const when = conditionPhrase(s);
    if (s.principal.wildcard) {
      out.push(cap(`any principal in any AWS account ${verb} ${how}${when}.`));
      continue;
    }
    const byKind = groupPrincipals(namedPrincipals(s));
    for (const subject of byKind) out.push(cap(`${subject} ${verb} ${how}${when}.`));
    const extras = [...actions].filter((a) => a === "sts:tagsession" || a === "sts:setsourceidentity");
    if (!deny && extras.length) {
      out.push(
        `They may also ${extras.map((a) => (a === "sts:tagsession" ? "pass session tags" : "set a source identity")).join(" and ")} when assuming it.`,
      );
    }
  }
  if (out.length === 0) out.push("Nobody can assume this role: no statement names a principal.");
  return out;
}

function groupPrincipals(ps: NamedPrincipal[]): string[] {
  const out: string[] = [];
  for (const p of ps) {
    const v = p.item.value;
    if (p.key === "Service") {
      const svc = v.split(".")[0];
      out.push(`the ${SERVICE_NAMES[svc] ?? svc} service (${v})`);
    } else if (p.key === "Federated") {
      const f = p.federated;
      if (f?.form === "saml") out.push(`users signed in through the SAML provider ${f.name} (account ${f.accountId})`);
      else if (p.oidcHost) out.push(`identities from ${KNOWN_IDPS[p.oidcHost] ? `${KNOWN_IDPS[p.oidcHost]} (${p.oidcHost})` : `the OIDC provider ${p.oidcHost}`}`);
      else out.push(`identities from ${v}`);
    } else {
      const a = p.aws;
      if (!a) out.push(`the principal ${v}`);
      else if (a.form === "wildcard") out.push("any principal in any AWS account");
      else if (a.form === "account" || a.form === "root") out.push(`users and roles in account ${a.accountId}`);
      else if (a.form === "user" || a.form === "role") out.push(`the IAM ${a.form} ${a.name} in account ${a.accountId}`);
      else if (a.form === "assumed-role") out.push(`the session ${a.sessionName} of role ${a.roleName} in account ${a.accountId}`);
      else if (a.form === "federated-user") out.push(`the federated user ${v}`);
      else if (a.form === "unique-id") out.push(`the IAM ${a.kind} with unique ID ${a.id}`);
    }
  }
  return out;
}

function actionPhrase(actions: Set<string>): string {
  if (actions.has("sts:assumerolewithwebidentity")) return "assume this role with a web identity token";
  if (actions.has("sts:assumerolewithsaml")) return "assume this role with a SAML assertion";
  if (actions.has("sts:assumerole")) return "assume this role";
  return "use this role's session features (it grants no sts:AssumeRole*)";
}

function conditionPhrase(s: StatementModel): string {
  const parts: string[] = [];
  const ext = externalIds(s);
  if (ext.length) parts.push(`they supply external ID ${ext.map((e) => `"${e}"`).join(" or ")}`);
  if (requiresMfa(s)) parts.push("signed in with MFA");
  for (const e of s.condition?.entries ?? []) {
    const k = e.key.toLowerCase();
    if (k === "sts:externalid" || k.startsWith("aws:multifactorauth")) continue;
    parts.push(describeEntry(e));
  }
  if (parts.length === 0) return "";
  const [first, ...rest] = parts;
  const lead = ext.length || requiresMfa(s) ? " if " : " when ";
  return lead + [first, ...rest].join(" and ").replace(/^they supply (.*?) and signed/, "they supply $1 and signed");
}

function describeEntry(e: ConditionEntry): string {
  const key = e.key.includes(":") && !e.key.toLowerCase().startsWith("aws:") && !e.key.toLowerCase().startsWith("sts:")
    ? e.key.slice(e.key.lastIndexOf(":") + 1)
    : e.key;
  const vals = e.values.map((v) => v.value);
  const list = vals.length > 1 ? `one of ${vals.join(", ")}` : (vals[0] ?? "nothing");
  const b = e.baseOperator;
  let phrase: string;
  if (b === "Null") phrase = `${key} is ${vals[0] === "true" ? "absent" : "present"}`;
  else if (b === "Bool") phrase = `${key} is ${list}`;
  else if (/Like$/.test(b)) phrase = `${key} ${/Not/.test(b) ? "does not match" : "matches"} ${list}`;
  else if (/NotEquals/.test(b) || b === "NotIpAddress") phrase = `${key} is not ${list}`;
  else if (/LessThan/.test(b)) phrase = `${key} is before/below ${list}`;
  else if (/GreaterThan/.test(b)) phrase = `${key} is after/above ${list}`;
  else if (b === "IpAddress") phrase = `${key} is in ${list}`;
  else phrase = `${key} is ${list}`;
  if (e.qualifier === "ForAnyValue") phrase = `any ${phrase}`;
  if (e.qualifier === "ForAllValues") phrase = `every ${phrase}`;
  if (e.ifExists) phrase += " (when present)";
  return phrase;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
