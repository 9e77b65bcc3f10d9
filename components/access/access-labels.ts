import type { DirectAccess } from "@/lib/access/assume-access";

const KIND_LABEL: Record<string, string> = { user: "User", role: "Role", account: "Account", external: "Outside principal", anyone: "Anyone", service: "Service", federated: "Identity provider" };
export const kindLabel = (k: string) => KIND_LABEL[k] ?? k;

export function statementName(s: DirectAccess["statements"][number]) {
  const where = s.policy.type === "trust" ? "trust policy" : s.policy.type === "boundary" ? `boundary ${s.policy.arn ?? ""}` : `${s.policy.name ?? s.policy.arn}${s.policy.group ? ` (group ${s.policy.group.name})` : ""}`;
  return `${where}, ${s.sid ? `statement “${s.sid}”` : `statement ${s.statementIndex + 1}`}`;
}
