// Load generation for the HTTP benchmarks: a fixed, pre-signed request sent by N connections for a while, through
// `wrk` when it is installed (Debian: `apt-get install wrk`; it costs the 2-core machine far less CPU than a Node
// client would), else through a keep-alive Node client. A SigV4 signature stays valid for 15 minutes, so one signed
// request can be replayed for the whole run, as AWS would also accept.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "../lib/aws-api/sha256";

export interface FixedRequest {
  url: string;
  method: "POST";
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  tool: "wrk" | "node";
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
}

interface Key {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** A Query API request signed once (SigV4), to be replayed. */
export async function signedQuery(baseUrl: string, key: Key, service: "sts" | "iam", body: string): Promise<FixedRequest> {
  const url = new URL(`${baseUrl}/api/aws`);
  const signer = new SignatureV4({ service, region: "us-east-1", credentials: key, sha256: Sha256 });
  const req = await signer.sign({
    method: "POST",
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: url.pathname,
    query: {},
    headers: { host: url.host, "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
    body,
  });
  return { url: url.toString(), method: "POST", headers: req.headers, body };
}

const hasWrk = () => spawnSync("wrk", ["--version"]).error === undefined;

/** wrk prints latencies as e.g. "1.71ms", "230.44us", "1.54s". */
function ms(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) return NaN;
  return Number(m[1]) * (m[2] === "us" ? 0.001 : m[2] === "s" ? 1000 : 1);
}

function withWrk(req: FixedRequest, connections: number, seconds: number): LoadResult {
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-wrk-")), "request.lua");
  const headers = Object.entries(req.headers)
    .filter(([k]) => k.toLowerCase() !== "host")
    .map(([k, v]) => `wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  fs.writeFileSync(script, [`wrk.method = "POST"`, `wrk.body = ${JSON.stringify(req.body)}`, ...headers].join("\n"));
  const out = execFileSync("wrk", [`-t${Math.min(2, connections)}`, `-c${connections}`, `-d${seconds}s`, "--latency", "-s", script, req.url], { encoding: "utf8" });
  // A percentile line of --latency's distribution, at the start of its line: a stdev such as "62.50%" also ends in "50%".
  const line = (label: string) => new RegExp(`^\\s*${label}\\s+(\\S+)`, "m").exec(out)?.[1] ?? "";
  return {
    tool: "wrk",
    requestsPerSecond: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50: ms(line("50%")),
    p99: ms(line("99%")),
    errors: Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] ?? 0),
  };
}

async function withNode(req: FixedRequest, connections: number, seconds: number): Promise<LoadResult> {
  const url = new URL(req.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: number[] = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const once = () =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const r = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: req.method, headers: req.headers, agent }, (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode !== 200) errors++;
          samples.push(performance.now() - t);
          resolve();
        });
      });
      r.on("error", () => (errors++, resolve()));
      r.end(req.body);
    });
  const t0 = Date.now();
  await Promise.all(Array.from({ length: connections }, async () => { while (Date.now() < deadline) await once(); }));
  agent.destroy();
  const s = samples.sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
  return { tool: "node", requestsPerSecond: s.length / ((Date.now() - t0) / 1000), p50: at(50), p99: at(99), errors };
}

export async function load(req: FixedRequest, connections = 16, seconds = 15): Promise<LoadResult> {
  return hasWrk() ? withWrk(req, connections, seconds) : withNode(req, connections, seconds);
}
