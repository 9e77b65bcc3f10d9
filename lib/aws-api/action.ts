import type { z } from "zod";
import type { RequestContext } from "@/lib/iam/context";
import { parseInput } from "./query";
import type { XmlObject } from "./xml";

/** The authenticated principal behind an API call, as SigV4 and the key store established it. */
export interface Caller {
  accountId: string;
  arn: string;
  /** Set when the caller is an IAM user (long-term AKIA key). */
  userName?: string;
  userId?: string;
  accessKeyId: string;
  region: string;
}

export interface ActionContext {
  ctx: RequestContext;
  /** Absent only for actions that AWS serves unsigned (STS AssumeRoleWithWebIdentity / WithSAML). */
  caller?: Caller;
  /**
   * Checks the caller's permissions for this call. Run after the input is parsed: AWS answers a malformed
   * request with ValidationError before it evaluates policies.
   */
  authorize?: (input: Record<string, unknown>) => Promise<void>;
  /**
   * Checks the caller's permission for a second action the call needs (AddRoleToInstanceProfile needs
   * `iam:PassRole` on the role), authorized on that action's own resource and context.
   */
  authorizeAlso?: (action: string, input: Record<string, unknown>) => Promise<void>;
}

/**
 * One Query API action: parse the input with its schema, call the core, shape the result. A result of
 * `undefined` means the action has no output shape (DeleteRole, TagRole, …).
 */
export interface QueryAction {
  unsigned?: boolean;
  handle(c: ActionContext, input: Record<string, unknown>): Promise<XmlObject | undefined>;
}

export function action<S extends z.ZodType>(
  schema: S,
  run: (c: ActionContext, input: z.infer<S>) => Promise<XmlObject | undefined>,
): QueryAction {
  return {
    handle: async (c, input) => {
      const parsed = parseInput(schema, input);
      await c.authorize?.(input);
      return run(c, parsed);
    },
  };
}

/** A service reachable at /api/aws, chosen by the SigV4 scope's service (or, unsigned, by Version). */
export interface QueryService {
  /** The SigV4 signing name, e.g. "iam". */
  name: string;
  version: string;
  namespace: string;
  actions: Readonly<Record<string, QueryAction>>;
}
