// The production server: one node:http listener that prepares each request and hands it to Next's handler.
// Started by scripts/start.mjs after migrations, seeding and the build. Kept small: the product lives in lib/.
import http from "node:http";
import path from "node:path";
import next from "next";
import { answerAwsRequest } from "@/lib/aws-api/handler";
import { readBoundedStream } from "@/lib/http/body";
import { trustedClientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { nodeHeaders } from "@/lib/http/transport";
import { loadCatalogue } from "@/lib/policy/catalogue-loader";

const root = path.resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME || undefined;
const hops = trustedProxyHops();

/** Next answers a path it cannot percent-decode with a bare 500; such a request is the client's error. */
function hasMalformedPath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map((h) => [h.key, h.value]));

/**
 * The AWS Query API is the hot path of every client that uses roles: it is answered here, by the same lib/ code
 * Next's route handler calls (lib/aws-api/handler), without the framework's request pipeline.
 */
const isAwsApi = (url: string) => url === "/api/aws" || url.startsWith("/api/aws?") || url === "/api/aws/" || url.startsWith("/api/aws/?");

async function answerAws(req: http.IncomingMessage, res: http.ServerResponse) {
  const answer = await answerAwsRequest({
    method: req.method ?? "GET",
    url: new URL(req.url ?? "/", `http://${req.headers.host ?? "localhost"}`),
    headers: nodeHeaders(req.headers),
    readBody: (limit) => readBoundedStream(req, req.headers["content-length"], limit),
  });
  res.writeHead(answer.status, { ...SECURITY, ...answer.headers });
  res.end(answer.body);
}

function refuseMalformedPath(url: string | undefined, res: http.ServerResponse) {
  const api = (url ?? "").startsWith("/api/");
  const message = "The address holds a malformed percent-encoding.";
  res.writeHead(400, {
    ...SECURITY,
    "content-type": api ? "application/json" : "text/plain; charset=utf-8",
  });
  res.end(api ? JSON.stringify({ error: { code: "InvalidInput", message } }) : message);
}

async function main() {
  const app = next({ dev: false, dir: root, port, hostname: hostname ?? "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();
  // The policy checks of the API path load the AWS action catalogue; load it now rather than on the first call.
  void loadCatalogue();

  const server = http.createServer((req, res) => {
    if (hasMalformedPath(req.url)) return refuseMalformedPath(req.url, res);
    // Next keeps an X-Forwarded-For the client sent; replace it with the address this server trusts
    // (lib/http/client-address), so throttling and aws:SourceIp see the real client.
    const client = trustedClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], hops);
    if (client) req.headers["x-forwarded-for"] = client;
    else delete req.headers["x-forwarded-for"];
    (isAwsApi(req.url ?? "") ? answerAws(req, res) : handle(req, res)).catch((e: unknown) => {
      console.error("request failed", e);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal Server Error");
    });
  });
  // Slow clients cannot hold sockets open forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  // An idle keep-alive connection is kept longer than clients and load balancers keep theirs (AWS's load balancers
  // idle out at 60 s), so the server is never the side that closes a connection a client is about to reuse: with
  // Node's 5-second default, an SDK reusing a pooled socket at that moment got "socket hang up" (the soak test saw
  // it), and a load balancer would answer 502.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => console.log(`roleplane: listening on http://${hostname ?? "localhost"}:${port}`));

  // A stop signal closes the listener, lets requests in flight finish for up to 5 s, then exits.
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

// A rejected promise nobody awaited is logged and the server keeps serving; an uncaught exception leaves the process
// in a state nobody can vouch for, so it exits and the supervisor (or npm start's parent) starts it again.
process.on("unhandledRejection", (e) => console.error("roleplane: unhandled rejection:", e));
process.on("uncaughtException", (e) => {
  console.error("roleplane: uncaught exception, exiting:", e);
  process.exit(1);
});

main().catch((e) => {
  console.error("roleplane: the server could not start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
