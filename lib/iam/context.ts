/**
 * Who is acting, in which account, through which door. Every core service takes one, so the console and the
 * AWS API run the same rules and leave the same audit trail.
 */
export interface RequestContext {
  /** The 12-digit account the call acts in. */
  accountId: string;
  /** Console user's email, or the IAM principal ARN of an API caller. */
  actor: string;
  source: "console" | "api";
  requestId: string;
}
