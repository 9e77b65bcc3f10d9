import type { NextRequest } from "next/server";
import type { z } from "zod";
import { consoleRoute, json, parseValue } from "@/lib/auth/console-route";
import { AwsError, clip } from "@/lib/domain/errors";
import { accessAnswer, accessRowEvidence } from "@/lib/iam/access-answers";
import { queryOf, roleAccessEvidenceQuerySchema, roleAccessQuerySchema, userAccessEvidenceQuerySchema, userAccessQuerySchema } from "./schemas";

/**
 * Who can assume a role and what a role or user can assume (Roleplane's analysis, beyond AWS), in pages: the route
 * files under roles/[name]/access and users/[name]/access export these for their kind. Reads: viewers may ask.
 */
type Named = { name: string };
type Kind = "role" | "user";

const SCHEMAS = {
  role: { page: roleAccessQuerySchema, evidence: roleAccessEvidenceQuerySchema },
  user: { page: userAccessQuerySchema, evidence: userAccessEvidenceQuerySchema },
};

/** The query's parameters by the (strict) schema, each given once: `q=a&q=b` is refused rather than read as one of them. */
function parseQuery<S extends z.ZodObject>(req: NextRequest, schema: S): z.infer<S> {
  const params = req.nextUrl.searchParams;
  for (const key of new Set(params.keys()))
    if (params.getAll(key).length > 1) throw new AwsError("ValidationError", `The parameter ${clip(key, 64)} is given more than once.`);
  return parseValue(schema, queryOf(req));
}

export const accessAnswerRoute = (kind: Kind) =>
  consoleRoute<Named>(async (req, { ctx, params }) => {
    const { direction, ...query } = parseQuery(req, SCHEMAS[kind].page);
    return json(await accessAnswer(ctx, { kind, name: params.name }, direction, query));
  });

export const accessEvidenceRoute = (kind: Kind) =>
  consoleRoute<Named>(async (req, { ctx, params }) => {
    const { direction, ...row } = parseQuery(req, SCHEMAS[kind].evidence);
    return json(await accessRowEvidence(ctx, { kind, name: params.name }, direction, row));
  });
