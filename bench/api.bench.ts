// API benchmark: the AWS Query API through the official SDK client (SigV4 signing and verification, policy
// evaluation, XML), against a real server (bench/server.ts).
import { CreateRoleCommand, GetRoleCommand, ListRolesCommand, IAMClient } from "@aws-sdk/client-iam";
import type { BenchServer } from "./server";
import { percentiles, table } from "./stats";

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

export async function benchApi({ baseUrl, key }: BenchServer): Promise<string> {
  const iam = new IAMClient({ endpoint: `${baseUrl}/api/aws`, region: "us-east-1", credentials: key, maxAttempts: 1 });
  const trust = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
  const run = `b${Date.now().toString(36)}`;
  await iam.send(new GetRoleCommand({ RoleName: "app-server" })).catch(() => undefined); // warm up
  const rows = [
    ["CreateRole (sequential, n=200)", ...(await load(200, 1, (i) => iam.send(new CreateRoleCommand({ RoleName: `${run}-${i}`, AssumeRolePolicyDocument: trust }))))],
    ["GetRole (8 in flight, n=1000)", ...(await load(1000, 8, (i) => iam.send(new GetRoleCommand({ RoleName: `${run}-${i % 200}` }))))],
    ["ListRoles MaxItems=100 (8 in flight, n=500)", ...(await load(500, 8, () => iam.send(new ListRolesCommand({ MaxItems: 100 }))))],
  ];
  return table("AWS Query API over HTTP (SDK client, SigV4, policy evaluation)", ["call", "req/s", "p50 ms", "p95 ms", "p99 ms"], rows);
}
