import { consoleRoute, json } from "@/lib/auth/console-route";
import { accessIndex, roleAccess } from "@/lib/iam/access";
import { accessEvidence } from "@/lib/iam/access-evidence";

/**
 * Who can assume this role and what it can assume, directly and through chains, with each access's deciding
 * statements at their lines and every chain hop's (Roleplane's analysis, beyond AWS).
 */
export const GET = consoleRoute<{ name: string }>(async (_req, { ctx, params }) => {
  const access = await roleAccess(ctx, params.name);
  const { whoCanAssume: who, canAssume: can } = access;
  return json({ ...access, evidence: await accessEvidence(await accessIndex(), [...who.direct, ...can.direct], [...who.chains, ...can.chains]) });
});
