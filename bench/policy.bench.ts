/**
 * Validation throughput and latency for a small trust policy and ~10 KB trust and identity policies.
 * Run: node --import tsx bench/policy.bench.ts
 */
import { reviewPolicy, type PolicyKind } from "../lib/policy";
import { loadCatalogue } from "../lib/policy/catalogue-loader";
import { identityPolicy, smallTrustPolicy as trust, trustPolicy } from "./documents";

function measure(text: string, kind: PolicyKind, seconds = 2) {
  const variants = [text, `${text} `];
  for (let i = 0; i < 200; i++) reviewPolicy(variants[i % 2], kind);
  const samples: number[] = [];
  const end = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < end; i++) {
    const doc = variants[i % 2];
    const t0 = performance.now();
    reviewPolicy(doc, kind);
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))];
  const total = samples.reduce((a, b) => a + b, 0);
  return { docsPerSec: (samples.length / total) * 1000, p50: q(0.5), p95: q(0.95), p99: q(0.99) };
}

/** Validation throughput and latency, as a markdown section for `npm run bench`. */
export async function benchPolicy(): Promise<string> {
  const t0 = performance.now();
  await loadCatalogue();
  const loadMs = performance.now() - t0;
  const identity = identityPolicy(10 * 1024);
  const bigTrust = trustPolicy(10 * 1024);
  const rows = [
    { name: `trust policy (${trust.length} B)`, ...measure(trust, "trust") },
    { name: `trust policy (${bigTrust.length} B)`, ...measure(bigTrust, "trust") },
    { name: `identity policy (${identity.length} B)`, ...measure(identity, "identity") },
  ];
  return [
    "### Policy validation (one analysis: findings and IAM's verdict, as `reviewPolicy` gives both)",
    "",
    `Catalogue load: ${loadMs.toFixed(0)} ms, once per process.`,
    "",
    "| document | docs/s | p50 ms | p95 ms | p99 ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.name} | ${r.docsPerSec.toFixed(0)} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} | ${r.p99.toFixed(3)} |`),
    "",
  ].join("\n");
}

if (process.argv[1]?.endsWith("policy.bench.ts")) void benchPolicy().then((s) => console.log(s));
