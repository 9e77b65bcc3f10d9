import { getDb } from "@/lib/db/client";

/** Liveness and database reachability, for load balancers and the test harness. Reveals nothing else. */
export async function GET() {
  await getDb().account.count();
  return Response.json({ status: "ok" });
}

export const dynamic = "force-dynamic";
