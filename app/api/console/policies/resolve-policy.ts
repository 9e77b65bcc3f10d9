import type { NextRequest } from "next/server";
import { parseValue } from "@/lib/auth/console-route";
import { getPolicyByName } from "@/lib/iam/policies";
import type { RequestContext } from "@/lib/iam/context";
import type { ManagedPolicy } from "@/lib/domain/types";
import { policyScopeQuerySchema } from "./schemas";

/**
 * The console names policies by PolicyName (see components/policies/routes.ts): `?scope=aws|local` picks the
 * catalogue; without it AWS-managed policies are looked up first, then the account's customer policies.
 */
export async function resolvePolicy(ctx: RequestContext, req: NextRequest, name: string): Promise<ManagedPolicy> {
  const { scope } = parseValue(policyScopeQuerySchema, { scope: req.nextUrl.searchParams.get("scope") ?? undefined });
  return getPolicyByName(ctx, name, scope);
}
