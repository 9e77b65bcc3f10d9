import { authorize, consoleRoute, json, parseJson } from "@/lib/auth/console-route";
import { canMutate } from "@/lib/auth/permissions";
import { consoleAssumeRoleSchema } from "@/lib/domain/console-assume";
import { assumeRoleFromConsole } from "@/lib/sts/console-assume";

/**
 * Assume role from the role page, as an IAM user or an active role session. A refusal is an answer (200 with
 * `granted: false` and Roleplane's explanation), not an error; malformed input is AWS's ValidationError. The
 * response carries the secret once and is never cached.
 */
export const POST = consoleRoute<{ name: string }>(async (req, { session, ctx, params }) => {
  const input = await parseJson(req, consoleAssumeRoleSchema);
  authorize(canMutate(session));
  const sourceIp = req.headers.get("x-forwarded-for")?.split(",")[0].trim() || undefined;
  const outcome = await assumeRoleFromConsole({ ctx, roleName: params.name, input, env: { sourceIp, secureTransport: req.nextUrl.protocol === "https:" } });
  const res = json(outcome);
  res.headers.set("cache-control", "no-store");
  return res;
});
