import { getDb } from "@/lib/db/client";
import { pingStore } from "@/lib/db/health";

/** Liveness and database reachability, for load balancers and the test harness; a failure throws. */
export async function checkHealth(): Promise<{ status: "ok" }> {
  await pingStore(getDb());
  return { status: "ok" };
}
