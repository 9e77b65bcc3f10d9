/**
 * The access index's public shapes (lib/access/access-graph builds it): what it is built from, what it answers, and
 * what one build hands the next.
 */
import type { ChainList } from "./chain-search";
import type { PrincipalPolicies } from "@/lib/domain/types";
import type { AccessPrincipal, AnalyzedRole, DirectAccess } from "./assume-access";
import type { DocumentReadings } from "./decision-classes";
import type { BuildState, SharedOutcome } from "./index-reuse";

export interface AccessStore {
  /** The accounts the store holds; principals of any other account are beyond it. */
  accounts: string[];
  users: PrincipalPolicies[];
  roles: AnalyzedRole[];
}

/** A principal that reaches a role through a chain: the path starts at the principal and ends at the role. */
export interface ChainAccess {
  principal: AccessPrincipal;
  /** Principal ARN (or service, provider, `*`), then each role assumed, ending with the role asked about. */
  path: string[];
  /** True when some hop needs a condition the request must meet. */
  conditional: boolean;
}

/** What a principal can assume: directly, and through chains of roles. */
export interface CanAssume {
  direct: DirectAccess[];
  chains: { roleArn: string; path: string[]; conditional: boolean }[];
}

/** Who can assume a role: directly (with conditions and deciding statements), and through chains. */
export interface WhoCanAssume {
  direct: DirectAccess[];
  chains: ChainAccess[];
}

export interface AccessIndex {
  roleCount: number;
  /** Direct assumes in all (counted on first read). */
  edgeCount: number;
  /** Principal/role decisions the build evaluated (classes of principals that decide alike count once). */
  evaluations: number;
  /** Decisions taken from the previous build's `memo` rather than evaluated. */
  reused: number;
  /** Roles whose part of the index this build made or patched; the others kept the previous build's. */
  rolesBuilt: number;
  /** The build's decisions by content, for the next build to reuse (BuildOptions.reuse). */
  memo: DecisionMemo;
  /** Direct assumes of a role, by role ARN. */
  direct(roleArn: string): DirectAccess[];
  /** One principal's direct access of a role, as `direct(roleArn)` lists it; undefined when it has none. */
  access(principalArn: string, roleArn: string): DirectAccess | undefined;
  /** Every principal that reaches the role through two or more assumes (the direct ones are in `direct`). */
  chains(roleArn: string): ChainAccess[];
  /** The same chains kept as numbers, for an answer kept a while (the console's pages). */
  chainList(roleArn: string): ChainList;
  /** What a principal can assume directly. */
  assumable(principalArn: string): DirectAccess[];
  /** Roles a principal reaches through two or more assumes. */
  reachable(principalArn: string): { roleArn: string; path: string[]; conditional: boolean }[];
  principal(arn: string): AccessPrincipal | undefined;
  hasRole(arn: string): boolean;
}

/**
 * A build's decisions by keys that name everything they read by content (lib/access/decision-classes): for a shared
 * decision the class's statements and boundary and the role's account, tags and trust policy; for one principal
 * decided on its own, that principal and the role. A later build finds the same key only for the same inputs, so it
 * can take the decision as it is. Decisions that read the clock are left out: they hold only at their build's `now`.
 */
export interface DecisionMemo {
  /** By the role's part of the key (its account, tags and trust policy), then the class's part. */
  shared: ReadonlyMap<string, ReadonlyMap<string, SharedOutcome | null>>;
  alone: ReadonlyMap<string, DirectAccess | null>;
  documents: DocumentReadings;
  /** The build's principals, units and per-role entries, for the next build to keep what a change left alone. */
  state?: BuildState;
}

export interface BuildOptions {
  /**
   * Decide once per class of principals that must get the same answer (lib/access/decision-classes) and share it;
   * false decides every principal on its own (the reference the grouping is tested against).
   */
  shareDecisions?: boolean;
  /**
   * The previous build's `memo`: after a change, only decisions whose inputs changed are evaluated again, and a role
   * whose trust policy, candidates and named principals are the same objects as then keeps its part of the index.
   */
  reuse?: DecisionMemo;
}
