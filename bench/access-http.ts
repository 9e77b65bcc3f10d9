// Who can assume what against a real server (bench/server.ts): the generated account of bench/account-generator
// (3,000 users, 330 groups, 10,000 roles) imported into its store, then the console's who-can route for one role
// (GET /api/console/roles/<name>/access, signed in, as the role page asks it: every group's count and first page),
// the answers' sizes, an opened row's evidence, a policy change and the time until the next answer shows it, and the
// server's resident memory with the account loaded and analysed.
import fs from "node:fs";
import { listAccountRows } from "@/lib/db/accounts";
import { closeDb, getDb } from "@/lib/db/client";
import { loadStorePrincipalPolicies } from "@/lib/db/principal-tables";
import { importAuthorizationDetails } from "@/lib/iam/account-import";
import type { AccessAnswer } from "@/lib/access/access-pages";
import { generateAccount } from "./account-generator";
import type { BenchServer } from "./server";
import { percentiles } from "./stats";

const ACCOUNT = "444444444444";
const USERS = Number(process.env.ACCESS_USERS ?? 3000);
const SIZE = { users: USERS, roles: Number(process.env.ACCESS_ROLES ?? 10000), groups: Math.round(USERS / 9.1) };

/** A console session (next-auth's credentials flow), with the account switcher on the imported account. */
async function signIn(server: BenchServer) {
  const cookies = new Map<string, string>([["rp-account", ACCOUNT]]);
  const send = async (method: string, path: string, init: { body?: string; type?: string } = {}) => {
    const headers: Record<string, string> = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join("; "), origin: server.baseUrl };
    if (init.type) headers["content-type"] = init.type;
    const res = await fetch(`${server.baseUrl}${path}`, { method, headers, body: init.body, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      cookies.set(pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1));
    }
    return res;
  };
  const { csrfToken } = (await (await send("GET", "/api/auth/csrf")).json()) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email: server.login.email, password: server.login.password, json: "true" }).toString();
  await send("POST", "/api/auth/callback/credentials", { body: form, type: "application/x-www-form-urlencoded" });
  if (![...cookies.keys()].some((k) => k.includes("session-token"))) throw new Error("the bench could not sign in to the console");
  return send;
}

/** The server's processes: the start script and the server it runs. */
function processTree(pid: number): number[] {
  const children = (p: number): number[] =>
    fs.readdirSync(`/proc/${p}/task`).flatMap((t) => fs.readFileSync(`/proc/${p}/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...children(all[i]));
  return all;
}

/** Resident memory of the server's processes, MB each, largest first. */
function treeRssMb(pid: number): number[] {
  const kb = (p: number) => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))?.[1] ?? 0);
  return processTree(pid).map((p) => kb(p) / 1024).sort((a, b) => b - a);
}

/**
 * CPU time (user + system) the server's processes have used, ms: what a request costs the server whatever else
 * the shared machine runs meanwhile (/proc/<pid>/stat counts in clock ticks of 10 ms).
 */
function treeCpuMs(pid: number): number {
  const ticks = (p: number) => {
    const fields = fs.readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1].split(" ");
    return Number(fields[11]) + Number(fields[12]);
  };
  return processTree(pid).reduce((ms, p) => ms + ticks(p) * 10, 0);
}

export async function benchAccessOverHttp(server: BenchServer): Promise<string[][]> {
  if (!server.databaseUrl || !server.pid) throw new Error("the access benchmark over HTTP needs a server it started itself");
  const account = generateAccount({ ...SIZE, accountId: ACCOUNT });
  // Loaded through the same import as `npx roleplane import`, into the running server's store.
  process.env.DATABASE_URL = server.databaseUrl;
  await closeDb();
  let t = performance.now();
  await importAuthorizationDetails([{ name: "generated.json", text: JSON.stringify(account) }], { actor: "bench" });
  const importSeconds = (performance.now() - t) / 1000;
  // What every build of the index reads first (lib/iam/access.ts), here from the bench's process.
  const db = getDb();
  t = performance.now();
  await Promise.all([listAccountRows(db), loadStorePrincipalPolicies(db, "user"), loadStorePrincipalPolicies(db, "role")]);
  const loadMs = performance.now() - t;
  await closeDb();

  const send = await signIn(server);
  const sizes: number[] = [];
  const get = async (path: string) => {
    const res = await send("GET", path);
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    const text = await res.text();
    sizes.push(Buffer.byteLength(text));
    return text;
  };
  const whoCan = async (role: string, q = "") => JSON.parse(await get(`/api/console/roles/${role}/access${q ? `?q=${encodeURIComponent(q)}` : ""}`)) as AccessAnswer;
  const roles = account.RoleDetailList;
  t = performance.now();
  await whoCan(roles[0].RoleName);
  const first = performance.now() - t;
  sizes.length = 0;
  const samples: number[] = [];
  let cpu = treeCpuMs(server.pid);
  const opened: { role: string; group: string; subject: string }[] = [];
  let largest = { role: "", total: 0 };
  for (let i = 0; i < 200; i++) {
    const role = roles[(i * 47) % roles.length].RoleName;
    t = performance.now();
    const answer = await whoCan(role);
    samples.push(performance.now() - t);
    const total = Object.values(answer.groups).reduce((n, g) => n + g.total, 0);
    if (total > largest.total) largest = { role, total };
    const row = Object.entries(answer.groups).find(([, g]) => g.rows.length > 0);
    if (row && opened.length < 50) opened.push({ role, group: row[0], subject: row[1].rows[0].subject });
  }
  const answerCpu = (treeCpuMs(server.pid) - cpu) / samples.length;
  const answerSizes = [...sizes];
  // What the user asks next of a role just shown: Show more of its largest group, then a search keystroke (each a
  // slice of the rows the server kept from the first answer, lib/iam/access-answers).
  const next: number[] = [];
  let nextCpu = 0;
  for (let i = 0; i < 100; i++) {
    const role = roles[(i * 53 + 11) % roles.length].RoleName;
    const [group] = Object.entries((await whoCan(role)).groups).sort(([, a], [, b]) => b.total - a.total)[0];
    cpu = treeCpuMs(server.pid);
    for (const ask of [`group=${group}&offset=25`, `q=${encodeURIComponent("user-0")}`]) {
      t = performance.now();
      await get(`/api/console/roles/${role}/access?${ask}`);
      next.push(performance.now() - t);
    }
    nextCpu += treeCpuMs(server.pid) - cpu;
  }
  // What the user does next: opens a row (its evidence: each hop's access, documents and lines).
  const evidence: number[] = [];
  cpu = treeCpuMs(server.pid);
  for (const o of opened) {
    t = performance.now();
    await get(`/api/console/roles/${o.role}/access/evidence?group=${o.group}&subject=${encodeURIComponent(o.subject)}`);
    evidence.push(performance.now() - t);
  }
  const evidenceCpu = (treeCpuMs(server.pid) - cpu) / evidence.length;
  const rss = treeRssMb(server.pid);

  // A user who cannot assume a role trusting its account (no assume-any, its group's band elsewhere) is given an
  // inline policy for it; the change counts as reflected when the role's who-can lists the user.
  const trustsRoot = (r: (typeof roles)[number]) => JSON.stringify(r.AssumeRolePolicyDocument).includes(`${ACCOUNT}:root`);
  const role = roles.find((r, i) => i > 5000 && trustsRoot(r))!;
  const user = account.UserDetailList.find((u, i) => i % 7 !== 0 && !role.RoleName.startsWith(`role-0${String(i % SIZE.groups % 100).padStart(2, "0")}`))!;
  const listed = (a: AccessAnswer) => a.groups.direct!.rows.some((r) => r.subject === user.Arn);
  if (listed(await whoCan(role.RoleName, user.Arn))) throw new Error(`${user.UserName} can already assume ${role.RoleName}`);
  const grant = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: role.Arn }] });
  const policyPath = `/api/console/users/${user.UserName}/inline-policies/bench-grant`;
  // Granted, taken away and granted again: each change timed until the next who-can answer shows it.
  const changes: { changed: number; reflected: number }[] = [];
  for (const grants of [true, false, true]) {
    t = performance.now();
    const res = grants ? await send("PUT", policyPath, { body: JSON.stringify({ PolicyDocument: grant }), type: "application/json" }) : await send("DELETE", policyPath);
    if (res.status !== 204) throw new Error(`the policy change answered ${res.status}: ${await res.text()}`);
    const changed = performance.now() - t;
    const after = await whoCan(role.RoleName, user.Arn);
    changes.push({ changed, reflected: performance.now() - t });
    if (listed(after) !== grants) throw new Error("the policy change was not in the next who-can answer");
  }
  // Most of the resident memory right after the answers is their garbage; V8's memory reducer collects it and gives
  // the pages back once the server has been idle a while, which leaves what the server keeps (ACCESS_IDLE_MS shortens
  // the wait, when profiling).
  await new Promise((r) => setTimeout(r, Number(process.env.ACCESS_IDLE_MS ?? 60_000)));
  const settled = treeRssMb(server.pid);

  return [
    [`import the generated account (${SIZE.users} users, ${SIZE.groups} groups, ${SIZE.roles} roles) into the server's store, s`, importSeconds.toFixed(1)],
    ["load every user and role with their policies from the store (what each build of the index reads first), ms", loadMs.toFixed(0)],
    ["first who-can after the import (the server loads the store and builds the index), ms", first.toFixed(0)],
    ["one role's who-can over HTTP (console route, signed in, counts and first page of each group; n=200) p50 / p95 / p99, ms", percentiles(samples).join(" / ")],
    ["the server's CPU per who-can answer (mean over the 200), ms", answerCpu.toFixed(1)],
    [`the next ask of a role just shown: Show more of its largest group, a search (n=${next.length}) p50 / p95 / p99, ms`, percentiles(next).join(" / ")],
    ["the server's CPU per next ask (mean), ms", (nextCpu / next.length).toFixed(1)],
    ["its answer's size p50 / p95 / p99, bytes", percentiles(answerSizes).map((b) => Number(b).toFixed(0)).join(" / ")],
    [`the largest answer sampled (${largest.role}, ${largest.total.toLocaleString("en-US")} rows in its groups), bytes`, String(Math.max(...answerSizes))],
    [`an opened row's evidence over HTTP (n=${evidence.length}) p50 / p95 / p99, ms`, percentiles(evidence).join(" / ")],
    ["the server's CPU per opened row's evidence (mean), ms", evidenceCpu.toFixed(1)],
    [
      "a policy change (PUT, DELETE, PUT of an inline policy) and the next who-can answer showing it, ms",
      changes.map((c) => `${c.reflected.toFixed(0)} (the change itself ${c.changed.toFixed(0)})`).join(", "),
    ],
    ["server's resident memory right after the answers: the server process (and the start script), MB", `${rss[0].toFixed(0)} (${rss.slice(1).map((m) => m.toFixed(0)).join(" + ")})`],
    ["the same after 60 s idle (V8's memory reducer has run), MB", `${settled[0].toFixed(0)} (${settled.slice(1).map((m) => m.toFixed(0)).join(" + ")})`],
  ];
}
