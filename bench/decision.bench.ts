/**
 * Decisions per second on the cross-account AssumeRole check of issue 11: a user in 222222222222 with an identity
 * policy allowing sts:AssumeRole assumes a role in 111111111111 whose trust policy names the account and requires
 * an ExternalId and MFA, with the request context a real call carries. The fast path (`decideRequest`) against
 * the explained one (`evaluateRequest`, with every reason).
 * Run: node --import tsx bench/decision.bench.ts
 */
import { decideRequest, evaluateRequest, type EvaluationRequest, type PolicySet } from "../lib/policy";
import { smallTrustPolicy } from "./documents";
import { percentiles, table } from "./stats";

export const assumeRoleCheck: { request: EvaluationRequest; policies: PolicySet } = {
  request: {
    action: "sts:AssumeRole",
    resource: "arn:aws:iam::111111111111:role/partner-access",
    principal: { arn: "arn:aws:iam::222222222222:user/bob", accountId: "222222222222", type: "user", id: "AIDABOB0EXAMPLE00000" },
    context: {
      "aws:PrincipalArn": "arn:aws:iam::222222222222:user/bob",
      "aws:PrincipalAccount": "222222222222",
      "aws:PrincipalType": "User",
      "aws:CurrentTime": "2026-11-29T00:00:00Z",
      "aws:EpochTime": "1795910400",
      "aws:SecureTransport": false,
      "aws:RequestedRegion": "us-east-1",
      "aws:ViaAWSService": false,
      "aws:PrincipalIsAWSService": false,
      "aws:SourceIp": "203.0.113.7",
      "aws:userid": "AIDABOB0EXAMPLE00000",
      "aws:username": "bob",
      "aws:MultiFactorAuthPresent": true,
      "aws:MultiFactorAuthAge": "30",
      "sts:ExternalId": "abc",
      "sts:RoleSessionName": "partner",
    },
  },
  policies: {
    identity: [
      {
        name: "AssumePartnerRoles",
        document: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Resource: "arn:aws:iam::111111111111:role/*" }] }),
      },
    ],
    resource: { document: smallTrustPolicy, ownerAccountId: "111111111111", kind: "trust", name: "trust policy" },
  },
};

/**
 * Decisions per second of CPU time (`process.cpuUsage`, this thread's user + system time): on a shared machine
 * wall-clock time also counts the time other processes held the core.
 */
export function ratePerCpuSecond(run: () => unknown, seconds: number): { perSec: number; usEach: number } {
  for (let i = 0; i < 20_000; i++) run();
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const cpu0 = process.cpuUsage();
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) run();
    n += 1000;
  }
  const used = process.cpuUsage(cpu0);
  const us = used.user + used.system;
  return { perSec: (n / us) * 1e6, usEach: us / n };
}

/** Decisions/s for both paths, as a markdown section for `npm run bench`. */
export async function benchDecision(seconds = 3): Promise<string> {
  const { request, policies } = assumeRoleCheck;
  if (decideRequest(request, policies).decision !== "Allowed") throw new Error("the benchmark's check must be allowed");
  const fast = ratePerCpuSecond(() => decideRequest(request, policies), seconds);
  const explained = ratePerCpuSecond(() => evaluateRequest(request, policies), seconds);
  // Latency of single decisions, to show the spread (timer overhead included).
  const latency = (run: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < 50_000; i++) {
      const t = performance.now();
      run();
      samples.push((performance.now() - t) * 1000);
    }
    return percentiles(samples).join(" / ");
  };
  return table(
    "Policy decisions (cross-account sts:AssumeRole, trust policy with ExternalId and MFA, one core)",
    ["path", "decisions per CPU-second", "µs of CPU each", "p50 / p95 / p99 µs (wall clock)"],
    [
      ["fast (`decideRequest`: compiled, no explanation)", fast.perSec.toFixed(0), fast.usEach.toFixed(2), latency(() => decideRequest(request, policies))],
      ["explained (`evaluateRequest`: every reason)", explained.perSec.toFixed(0), explained.usEach.toFixed(2), latency(() => evaluateRequest(request, policies))],
    ],
  );
}

if (process.argv[1]?.endsWith("decision.bench.ts")) void benchDecision().then((s) => console.log(s));
