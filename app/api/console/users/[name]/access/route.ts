import { consoleRoute, json } from "@/lib/auth/console-route";
import { accessIndex, userAccess } from "@/lib/iam/access";
import { accessEvidence } from "@/lib/iam/access-evidence";

/** What this user can assume, directly and through chains, with each access's deciding statements at their lines (Roleplane's analysis, beyond AWS). */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => {
  const access = await userAccess(ctx, params.name);
  return json({ ...access, evidence: await accessEvidence(await accessIndex(), access.canAssume.direct, access.canAssume.chains) });
});
