import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import { AwsError, clip, isAwsError } from "@/lib/domain/errors";
import { formatValidationIssues } from "@/lib/domain/schemas";
import { readJsonBody } from "@/lib/http/json-body";
import { assertSameOrigin } from "@/lib/http/same-origin";
import type { RequestContext } from "@/lib/iam/context";
import { newRequestId } from "@/lib/iam/ids";
import { currentAccount } from "./account";
import { getConsoleSession } from "./session";
import type { ConsoleSession } from "./permissions";

/**
 * The console's JSON routes. Each handler reads in four beats — parse (the shared zod schema), authorize
 * (`canMutate`), call the lib/iam service, respond — and this wrapper supplies the signed-in session and the
 * RequestContext, and renders every AwsError as `{error: {code, message, field?}}` with its HTTP status (`field`: the
 * request member that caused it, so a form can show the message beside that input).
 */
export interface ConsoleCall<P> {
  session: ConsoleSession;
  ctx: RequestContext;
  params: P;
}

type Handler<P> = (req: NextRequest, call: ConsoleCall<P>) => Promise<Response>;

export function consoleRoute<P = Record<string, never>>(handler: Handler<P>, options: { anyAccount?: boolean } = {}) {
  return async (req: NextRequest, context: { params: Promise<P> }): Promise<Response> => {
    const requestId = newRequestId();
    try {
      assertSameOrigin(req.method, req.nextUrl, req.headers, hasBody(req));
      const session = await getConsoleSession();
      if (!session) throw new AwsError("MissingAuthenticationToken", "Sign in to use the console.", 401);
      const { account, unknown } = await currentAccount();
      if (unknown && !options.anyAccount) throw new AwsError("InvalidInput", "The selected account does not exist. Choose an account.");
      const ctx: RequestContext = { accountId: account.id, actor: session.email, source: "console", requestId };
      const params = decodeParams((await context.params) ?? ({} as P));
      return await handler(req, { session, ctx, params });
    } catch (e) {
      return errorResponse(e, requestId);
    }
  };
}

/** Refuses a viewer: the server is the boundary, whatever the UI shows. */
export function authorize(allowed: boolean): void {
  if (!allowed) throw new AwsError("AccessDenied", "Your console role is read-only: ask an admin to make this change.");
}

export async function parseJson<S extends z.ZodType>(req: NextRequest, schema: S): Promise<z.infer<S>> {
  return parseValue(schema, await readJsonBody(req));
}

export function parseValue<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const error = new AwsError("ValidationError", formatValidationIssues(result.error.issues, value));
  const [first] = result.error.issues;
  throw first.path.length ? error.at(first.path.join(".")) : error;
}

export const json = (body: unknown, status = 200) => NextResponse.json(body, { status });
export const noContent = () => new Response(null, { status: 204 });

function errorResponse(e: unknown, requestId: string): Response {
  if (isAwsError(e)) return json({ error: { code: e.code, message: e.message, field: e.field, requestId } }, e.status);
  console.error(`[console ${requestId}]`, e);
  return json({ error: { code: "ServiceFailure", message: "Something went wrong on the server.", requestId } }, 500);
}

function decodeParams<P>(params: P): P {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params as Record<string, unknown>)) {
    if (typeof v !== "string") out[k] = v;
    else
      try {
        out[k] = decodeURIComponent(v);
      } catch {
        throw new AwsError("InvalidInput", `The address holds a malformed percent-encoding: ${clip(v, 128)}`);
      }
  }
  return out as P;
}

const hasBody = (req: Request) =>
  req.headers.has("transfer-encoding") || (req.headers.get("content-length") ?? "0") !== "0";
