// API benchmark: the AWS Query API through the official SDK client (SigV4 signing and verification, policy
// evaluation, XML), against a real server started on a fresh data directory (or ROLEPLANE_BENCH_BASE_URL).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CreateRoleCommand, GetRoleCommand, ListRolesCommand, IAMClient } from "@aws-sdk/client-iam";
import { percentiles, table } from "./stats";

// With ROLEPLANE_BENCH_BASE_URL, pass that server's admin key in ROLEPLANE_BENCH_ACCESS_KEY_ID / _SECRET_ACCESS_KEY.
const KEY = {
  accessKeyId: process.env.ROLEPLANE_BENCH_ACCESS_KEY_ID ?? "AKIAROLEPLANEBENCH01",
  secretAccessKey: process.env.ROLEPLANE_BENCH_SECRET_ACCESS_KEY ?? "roleplane-bench-secret-0000000000000000",
};

async function startServer(): Promise<{ baseUrl: string; stop: () => void }> {
  if (process.env.ROLEPLANE_BENCH_BASE_URL) return { baseUrl: process.env.ROLEPLANE_BENCH_BASE_URL, stop: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roleplane-bench-"));
  const port = String(3900 + Math.floor(Math.random() * 90));
  const server: ChildProcess = spawn(process.execPath, ["scripts/start.mjs"], {
    env: {
      ...process.env,
      PORT: port,
      ROLEPLANE_DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, "roleplane.db")}`,
      ROLEPLANE_ADMIN_EMAIL: "bench@example.com",
      ROLEPLANE_ADMIN_PASSWORD: "bench-password-1",
      ROLEPLANE_ADMIN_ACCESS_KEY_ID: KEY.accessKeyId,
      ROLEPLANE_ADMIN_SECRET_ACCESS_KEY: KEY.secretAccessKey,
    },
    stdio: "ignore",
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 600; i++) {
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return { baseUrl, stop: () => { server.kill("SIGTERM"); fs.rmSync(dir, { recursive: true, force: true }); } };
}

/** Runs `total` calls with `concurrency` in flight; returns latencies and the overall rate. */
async function load(total: number, concurrency: number, call: (i: number) => Promise<unknown>) {
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await call(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return [(total / seconds).toFixed(0), ...percentiles(samples)];
}

export async function benchApi(): Promise<string> {
  const { baseUrl, stop } = await startServer();
  try {
    const iam = new IAMClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials: KEY, maxAttempts: 1 });
    const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
    const run = `b${Date.now().toString(36)}`;
    await iam.send(new GetRoleCommand({ RoleName: "app-server" })).catch(() => undefined); // warm up
    const rows = [
      ["CreateRole (sequential, n=200)", ...(await load(200, 1, (i) => iam.send(new CreateRoleCommand({ RoleName: `${run}-${i}`, AssumeRolePolicyDocument: trust }))))],
      ["GetRole (8 in flight, n=1000)", ...(await load(1000, 8, (i) => iam.send(new GetRoleCommand({ RoleName: `${run}-${i % 200}` }))))],
      ["ListRoles MaxItems=100 (8 in flight, n=500)", ...(await load(500, 8, () => iam.send(new ListRolesCommand({ MaxItems: 100 }))))],
    ];
    return table("AWS Query API over HTTP (SDK client, SigV4, policy evaluation)", ["call", "req/s", "p50 ms", "p95 ms", "p99 ms"], rows);
  } finally {
    stop();
  }
}
