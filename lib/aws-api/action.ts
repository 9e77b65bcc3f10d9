import type { z } from "zod";
import type { Caller, RequestEnv } from "@/lib/iam/callers";
import type { RequestContext } from "@/lib/iam/context";
import { parseInput } from "./query";
import type { XmlObject } from "./xml";

/** The authenticated principal behind an API call, as SigV4 and the key or session store established it. */
export type ApiCaller = Caller & { region: string };

export interface ActionContext {
  ctx: RequestContext;
  /** Absent only for actions that AWS serves unsigned (STS AssumeRoleWithWebIdentity / WithSAML). */
  caller?: ApiCaller;
  /**
   * Checks the caller's permissions for this call. Run after the input is parsed: AWS answers a malformed
   * request with ValidationError before it evaluates policies.
   */
  authorize?: (input: Record<string, unknown>) => Promise<void>;
  /** What the transport knows: Region, source address, TLS. */
  env: RequestEnv;
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

/**
 * An action whose input is parsed with `schema`, then (unless `authorize: false`) authorized with the caller's
 * identity-based policies as IAM does. STS's assume actions authorize themselves (the trust policy decides).
 */
export function action<S extends z.ZodType>(
  schema: S,
  run: (c: ActionContext, input: z.infer<S>) => Promise<XmlObject | undefined>,
  options: { authorize?: boolean; unsigned?: boolean } = {},
): QueryAction {
  return {
    unsigned: options.unsigned,
    handle: async (c, input) => {
      const parsed = parseInput(schema, input);
      if (options.authorize !== false) await c.authorize?.(input);
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
