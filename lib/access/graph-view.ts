/**
 * The graph view's data: an account's roles and every principal that can assume them, as nodes, and the direct
 * assumes between them as edges — made from the access index's answers (lib/access/access-graph), so the graph says
 * exactly what the Access tabs say. Chains are followed into other accounts of the store: a role of another account
 * that can assume one of this account's roles brings its own assumers, so every incoming path is whole.
 * Roleplane's own analysis; AWS has no such view.
 */
import type { AccessPrincipal, DirectAccess } from "./assume-access";

export type GraphNodeKind = AccessPrincipal["kind"];

export interface GraphNode {
  /** The principal's ARN (or service principal, provider, `*`). */
  id: string;
  kind: GraphNodeKind;
  label: string;
  /** True for the account's own roles and users. */
  inAccount: boolean;
}

/** `source` can assume `target` (indices into `nodes`); conditional when every way needs a condition. */
export interface GraphEdge {
  source: number;
  target: number;
  conditional: boolean;
}

export interface AccountGraph {
  account: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

function labelOf(p: AccessPrincipal): string {
  switch (p.kind) {
    case "user":
    case "role":
      return p.name;
    case "account":
      return `Account ${p.accountId}`;
    case "anyone":
      return "Anyone (*)";
    case "external":
      return p.arn.slice(p.arn.lastIndexOf("/") + 1) || p.arn;
    case "federated":
      return p.arn.includes(":") ? p.arn.slice(p.arn.indexOf("/") + 1) : p.arn;
    case "service":
      return p.arn;
  }
}

const accountOfArn = (arn: string) => /^arn:aws[\w-]*:iam::(\d{12}):/.exec(arn)?.[1];

/**
 * The account's graph. `roles` are the account's roles (ARN and name); `direct` answers who can assume a role
 * directly (the index's `direct`). Roles of other accounts met along the way are followed the same way.
 */
export function accountGraph(account: string, roles: { arn: string; name: string }[], direct: (roleArn: string) => DirectAccess[]): AccountGraph {
  const nodes: GraphNode[] = [];
  const at = new Map<string, number>();
  const edges = new Map<string, GraphEdge>();
  const queue: string[] = [];
  const add = (id: string, kind: GraphNodeKind, label: string): number => {
    let i = at.get(id);
    if (i === undefined) {
      at.set(id, (i = nodes.length));
      nodes.push({ id, kind, label, inAccount: (kind === "role" || kind === "user") && accountOfArn(id) === account });
      if (kind === "role") queue.push(id);
    }
    return i;
  };
  for (const r of roles) add(r.arn, "role", r.name);
  for (let q = 0; q < queue.length; q++) {
    const target = at.get(queue[q])!;
    for (const a of direct(queue[q])) {
      const source = add(a.principal.arn, a.principal.kind, labelOf(a.principal));
      const key = `${source}>${target}`;
      const conditional = a.conditions.length > 0;
      const edge = edges.get(key);
      // One unconditional way (e.g. AssumeRole beside a conditional AssumeRoleWithWebIdentity) makes the edge unconditional.
      if (!edge) edges.set(key, { source, target, conditional });
      else edge.conditional &&= conditional;
    }
  }
  return { account, nodes, edges: [...edges.values()] };
}
