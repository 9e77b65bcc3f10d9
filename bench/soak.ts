// A soak of mixed API traffic: workers create, read, list, change and delete roles, assume a role and call with the
// session, as fast as the server answers, for a bounded time. The run is cut into windows; each window records its
// throughput, p50/p99 latency and the server's resident memory, so the first and last windows show whether anything
// grows under steady load. Used by the store tests (short) and by `npm run bench -- soak` (longer, both stores).
import fs from "node:fs";
import {
  CreateRoleCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  GetRoleCommand,
  IAMClient,
  ListRolesCommand,
  PutRolePolicyCommand,
} from "@aws-sdk/client-iam";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { percentiles, table } from "./stats";

export interface SoakTarget {
  baseUrl: string;
  /** An access key of an administrator of account ACCOUNT. */
  key: { accessKeyId: string; secretAccessKey: string };
  /** The server's top process; its memory is summed with its descendants'. Unknown for an external server. */
  pid?: number;
}

export interface SoakWindow {
  /** Seconds since the start of the measured run. */
  at: number;
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** Resident memory of the server's processes at the end of the window, MiB (NaN when unknown). */
  rssMiB: number;
}

export interface SoakResult {
  windows: SoakWindow[];
  requests: number;
  /** Answers that were not the expected success: "<operation>: <error>". */
  errors: string[];
}

const ACCOUNT = "111111111111";
const TARGET_ROLE = "soak-target";
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });

/** Resident memory of a process and all its descendants, from /proc (Linux); NaN elsewhere. */
export function processTreeRssMiB(rootPid: number | undefined): number {
  if (!rootPid || !fs.existsSync("/proc/self/stat")) return NaN;
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name (2nd field) is in parentheses and may hold spaces: fields after the last ")" are fixed.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      parentOf.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      // exited meanwhile
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parentOf) {
      if (!tree.has(parent) || tree.has(pid)) continue;
      tree.add(pid);
      grew = true;
    }
  }
  let kib = 0;
  for (const pid of tree) {
    try {
      kib += Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kib / 1024;
}

/** One worker's cycle: eight calls that touch every kind of write and read the API serves most. */
async function cycle(iam: IAMClient, sts: STSClient, name: string, record: (op: string, ms: number) => void): Promise<void> {
  const timed = async <T>(op: string, call: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await call();
    } finally {
      record(op, performance.now() - t);
    }
  };
  await timed("CreateRole", () => iam.send(new CreateRoleCommand({ RoleName: name, Path: "/soak/", AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }) })));
  await timed("GetRole", () => iam.send(new GetRoleCommand({ RoleName: name })));
  await timed("PutRolePolicy", () => iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: "p", PolicyDocument: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: `arn:aws:s3:::${name}/*` }) })));
  await timed("ListRoles", () => iam.send(new ListRolesCommand({ MaxItems: 100 })));
  const issued = await timed("AssumeRole", () => sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${TARGET_ROLE}`, RoleSessionName: name })));
  const c = issued.Credentials!;
  const session = new STSClient({ endpoint: sts.config.endpoint, region: "us-east-1", maxAttempts: 1, credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
  await timed("GetCallerIdentity (session)", () => session.send(new GetCallerIdentityCommand({})));
  session.destroy();
  await timed("DeleteRolePolicy", () => iam.send(new DeleteRolePolicyCommand({ RoleName: name, PolicyName: "p" })));
  await timed("DeleteRole", () => iam.send(new DeleteRoleCommand({ RoleName: name })));
}

export async function soak(target: SoakTarget, options: { seconds: number; windowSeconds: number; workers: number; warmupSeconds: number }): Promise<SoakResult> {
  const endpoint = `${target.baseUrl}/api/aws`;
  const iam = new IAMClient({ endpoint, region: "us-east-1", credentials: target.key, maxAttempts: 1 });
  const sts = new STSClient({ endpoint, region: "us-east-1", credentials: target.key, maxAttempts: 1 });
  try {
    await iam.send(new CreateRoleCommand({ RoleName: TARGET_ROLE, AssumeRolePolicyDocument: doc({ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }) }));
  } catch (err) {
    if ((err as { name?: string }).name !== "EntityAlreadyExistsException" && (err as { name?: string }).name !== "EntityAlreadyExists") throw err;
  }

  const errors: string[] = [];
  let samples: number[] = [];
  let measuring = false;
  const record = (_op: string, ms: number) => {
    if (measuring) samples.push(ms);
  };
  const windows: SoakWindow[] = [];
  let stopped = false;
  const run = crypto.randomUUID().slice(0, 8);
  const worker = async (w: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        await cycle(iam, sts, `soak-${run}-${w}-${i}`, record);
      } catch (err) {
        errors.push(`${(err as Error).name}: ${(err as Error).message}`);
        if (errors.length > 20) stopped = true;
      }
    }
  };
  const workers = Array.from({ length: options.workers }, (_, w) => worker(w));

  await new Promise((r) => setTimeout(r, options.warmupSeconds * 1000));
  measuring = true;
  const started = performance.now();
  for (let at = options.windowSeconds; at <= options.seconds && !stopped; at += options.windowSeconds) {
    const windowStart = performance.now();
    await new Promise((r) => setTimeout(r, options.windowSeconds * 1000));
    const taken = samples;
    samples = [];
    const [p50, , p99] = percentiles(taken.length ? taken : [NaN]).map(Number);
    windows.push({
      at: Math.round((performance.now() - started) / 1000),
      requests: taken.length,
      requestsPerSecond: taken.length / ((performance.now() - windowStart) / 1000),
      p50,
      p99,
      rssMiB: processTreeRssMiB(target.pid),
    });
  }
  stopped = true;
  await Promise.all(workers);
  iam.destroy();
  sts.destroy();
  return { windows, requests: windows.reduce((n, w) => n + w.requests, 0), errors };
}

export function soakTable(store: string, result: SoakResult): string {
  return table(
    `Soak on ${store}: mixed API traffic (create, read, list, put policy, assume, call as the session, delete)`,
    ["window end (s)", "requests/s", "p50 ms", "p99 ms", "server RSS MiB"],
    result.windows.map((w) => [w.at, w.requestsPerSecond.toFixed(0), w.p50.toFixed(2), w.p99.toFixed(2), Number.isNaN(w.rssMiB) ? "n/a" : w.rssMiB.toFixed(0)]),
  );
}

/** `npm run bench -- soak`: a minute of mixed traffic on the bench server's store (ROLEPLANE_BENCH_DATABASE_URL picks it). */
export async function benchSoak(server: { baseUrl: string; key: SoakTarget["key"]; pid?: number }): Promise<string> {
  const store = /^postgres(ql)?:/.test(process.env.ROLEPLANE_BENCH_DATABASE_URL ?? "") ? "PostgreSQL" : "SQLite";
  const result = await soak(server, { seconds: 60, windowSeconds: 10, workers: 8, warmupSeconds: 5 });
  if (result.errors.length) throw new Error(`the soak saw errors: ${result.errors.slice(0, 5).join("; ")}`);
  return soakTable(store, result);
}
