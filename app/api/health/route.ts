import { checkHealth } from "@/lib/health";

/** Liveness and database reachability, for load balancers and the test harness. Reveals nothing else. */
export async function GET() {
  return Response.json(await checkHealth());
}

export const dynamic = "force-dynamic";
