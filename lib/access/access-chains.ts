/**
 * Chains of assumes through roles (role chaining): one shortest path per principal, cycles visited once, over any
 * edges given as a function. The index searches from a principal with it; toward a role it uses lib/access/chain-search,
 * the same search over numbered principals, which tests hold to `chainsTo` here. Roleplane's own analysis.
 * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html#iam-term-role-chaining
 */
import type { AccessPrincipal } from "./assume-access";

/**
 * The edges of one pass of a search: called with a node, calls `visit` with the node at the other end of each edge
 * out of it (only unconditional edges unless `allowConditional`). Made afresh for each pass, so it may remember
 * what it already handed out in that pass (a class of principals reached once needs no second walk).
 */
export type Edges = (allowConditional: boolean) => (node: string, visit: (next: string) => void) => void;

/**
 * Breadth-first search over assume edges from `start`: first over unconditional edges only, then over all, so a
 * node with an unconditional path gets the shortest of those and one with only conditional paths the shortest of
 * those. Each node is visited once: cycles end. Each level is walked in ARN order, so of several shortest paths the
 * one through the lowest ARNs is kept, whatever order the index found its edges in.
 */
/** Plain code-unit order: the same on every server, and thousands of ARNs sort in a few milliseconds (a locale's order costs tens). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function shortestPaths(start: string, edges: Edges): Map<string, { path: string[]; conditional: boolean }> {
  const out = new Map<string, { path: string[]; conditional: boolean }>();
  for (const allowConditional of [false, true]) {
    const edgesOf = edges(allowConditional);
    const seen = new Map<string, string[]>([[start, [start]]]);
    let frontier = [start];
    while (frontier.length) {
      const following: string[] = [];
      for (const node of frontier) {
        const from = seen.get(node)!;
        edgesOf(node, (next) => {
          if (seen.has(next)) return;
          const path = [...from, next];
          seen.set(next, path);
          following.push(next);
          if (!out.has(next)) out.set(next, { path, conditional: allowConditional });
        });
      }
      frontier = following.sort(byText);
    }
  }
  return out;
}

/**
 * Principals that reach the role through two or more assumes; `assumers` walks edges backwards (role → principal). The
 * reference the index's ChainSearch is tested against.
 */
export function chainsTo(roleArn: string, assumers: Edges, principal: (arn: string) => AccessPrincipal | undefined) {
  const out: { principal: AccessPrincipal; path: string[]; conditional: boolean }[] = [];
  for (const [arn, { path, conditional }] of shortestPaths(roleArn, assumers)) {
    if (path.length < 3) continue;
    out.push({ principal: principal(arn)!, path: [...path].reverse(), conditional });
  }
  return out.sort((a, b) => a.path.length - b.path.length || byText(a.principal.arn, b.principal.arn));
}

/** Roles the principal reaches through two or more assumes; `assumes` walks edges forwards (principal → role). */
export function chainsFrom(principalArn: string, assumes: Edges) {
  return [...shortestPaths(principalArn, assumes)]
    .filter(([, p]) => p.path.length >= 3)
    .map(([roleArn, p]) => ({ roleArn, ...p }))
    .sort((a, b) => a.path.length - b.path.length || byText(a.roleArn, b.roleArn));
}
