/**
 * A one-line reading of a trust policy's principals for lists ("AWS service: ec2", "AWS account: 222222222222").
 * Display only and tolerant of anything: the validator in lib/policy is the authority on what is valid.
 */
export interface TrustedEntity {
  kind: "service" | "account" | "principal" | "federated" | "anyone";
  label: string;
  /** The value as the policy writes it (a provider's full ARN, for `federated`). */
  value?: string;
}

export function trustedEntities(document: string): TrustedEntity[] {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return [];
  }
  const statements = toArray((doc as { Statement?: unknown })?.Statement);
  const out: TrustedEntity[] = [];
  for (const st of statements) {
    const s = st as { Effect?: string; Principal?: unknown };
    if (s?.Effect !== "Allow") continue;
    if (s.Principal === "*") out.push({ kind: "anyone", label: "Anyone (*)" });
    const p = (s.Principal ?? {}) as Record<string, unknown>;
    for (const svc of toArray(p.Service)) out.push({ kind: "service", label: String(svc).replace(/\.amazonaws\.com(\.cn)?$/, "") });
    for (const aws of toArray(p.AWS)) out.push(describeAws(String(aws)));
    for (const fed of toArray(p.Federated)) out.push({ kind: "federated", label: String(fed).replace(/^arn:aws:iam::\d{12}:/, ""), value: String(fed) });
  }
  return out;
}

function describeAws(v: string): TrustedEntity {
  if (v === "*") return { kind: "anyone", label: "Any AWS principal (*)" };
  const account = /^(?:arn:aws:iam::)?(\d{12})(?::root)?$/.exec(v);
  if (account) return { kind: "account", label: account[1] };
  return { kind: "principal", label: v.replace(/^arn:aws:(iam|sts)::/, "") };
}

const toArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
