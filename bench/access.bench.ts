// Who can assume what over a generated account (bench/access-account.ts): building the index once (what a store
// version costs), then one role's who-can (direct and chains) and one principal's can-assume from the index; then
// the same account's store after changes, in process (bench/access-store.ts; ACCESS_STORE=0 skips it); then the
// same over HTTP against a real server with bench/account-generator's account imported (bench/access-http.ts;
// ACCESS_HTTP=0 skips it).
import os from "node:os";
import { buildAccessIndex } from "@/lib/access/access-graph";
import { benchAccessOverHttp } from "./access-http";
import { benchAccessStore } from "./access-store";
import { generateAccessAccount } from "./access-account";
import { startBenchServer } from "./server";
import { percentiles, table } from "./stats";

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

export async function benchAccess() {
  const USERS = Number(process.env.ACCESS_USERS ?? 3000);
  const ROLES = Number(process.env.ACCESS_ROLES ?? 10000);
  const store = generateAccessAccount(USERS, ROLES);
  const load = os.loadavg()[0].toFixed(2);
  // One build: at this size it is the measurement (a warm-up build would double the run).
  let index!: ReturnType<typeof buildAccessIndex>;
  const cpu = process.cpuUsage();
  const build = time(() => (index = buildAccessIndex(store)));
  const { user, system } = process.cpuUsage(cpu);
  // A change (a user's inline policy granting a role, a role's trust policy trusting its account) and the rebuild
  // that reuses the first build's decisions, as the server's next build after a change does.
  const changed = {
    ...store,
    users: store.users.map((u, i) => (i === 1 ? { ...u, identity: [...u.identity, { name: "bench-grant", document: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: store.roles[7].arn }] }) }] } : u)),
    roles: store.roles.map((r, i) => (i === 9 ? { ...r, trustPolicy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: r.accountId }, Action: "sts:AssumeRole" }] }) } : r)),
  };
  let rebuilt!: ReturnType<typeof buildAccessIndex>;
  const cpuAgain = process.cpuUsage();
  const rebuild = time(() => (rebuilt = buildAccessIndex(changed, new Date(), { reuse: index.memo })));
  const rebuildCpu = process.cpuUsage(cpuAgain);
  const n = 200;
  const roleArns = Array.from({ length: n }, (_, i) => store.roles[(i * 47) % store.roles.length].arn);
  const userArns = Array.from({ length: n }, (_, i) => store.users[(i * 13) % store.users.length].arn);
  const who = roleArns.map((arn) => time(() => [index.direct(arn), index.chains(arn)]));
  const can = userArns.map((arn) => time(() => [index.assumable(arn), index.reachable(arn)]));
  // Every role's chains listed, as `npx roleplane access-graph` lists them: the graph's transitive part, whole.
  let chainCount = 0;
  const allChains = time(() => {
    for (const r of store.roles) chainCount += index.chainList(r.arn).length;
  });
  const memory = (process.memoryUsage().rss / 1024 / 1024).toFixed(0);
  let out = table(
    `Who can assume what (${USERS} users, ${Math.ceil(USERS / 9)} groups, ${ROLES} roles; ${index.edgeCount} direct assumes from ${index.evaluations} evaluations; load average ${load} on ${os.cpus().length} cores; RSS ${memory} MB)`,
    ["step", "p50 ms", "p95 ms", "p99 ms"],
    [
      [`build the index (every role's direct assumes; ${((user + system) / 1000).toFixed(0)} ms of CPU)`, build.toFixed(0), "", ""],
      [
        `rebuild after a change, reusing the build's decisions (${((rebuildCpu.user + rebuildCpu.system) / 1000).toFixed(0)} ms of CPU; ${rebuilt.evaluations} evaluations, ${rebuilt.reused} reused; ${rebuilt.rolesBuilt} of ${rebuilt.roleCount} roles built or patched)`,
        rebuild.toFixed(0), "", "",
      ],
      [`every role's chains listed after the build (${chainCount.toLocaleString("en-US")} chains)`, allChains.toFixed(0), "", ""],
      [`one role's who-can-assume, direct and chains (n=${n})`, ...percentiles(who)],
      [`one user's can-assume, direct and chains (n=${n})`, ...percentiles(can)],
    ],
  );
  if (process.env.ACCESS_STORE !== "0") {
    const storeLoad = os.loadavg()[0].toFixed(2);
    out += "\n" + table(`Who can assume what after a change, in process over a SQLite store (load average ${storeLoad} at the start)`, ["step", "measured"], await benchAccessStore());
  }
  if (process.env.ACCESS_HTTP === "0") return out;
  const server = await startBenchServer();
  try {
    const httpLoad = os.loadavg()[0].toFixed(2);
    out += "\n" + table(`Who can assume what over HTTP (load average ${httpLoad} at the start)`, ["step", "measured"], await benchAccessOverHttp(server));
  } finally {
    server.stop();
  }
  return out;
}
