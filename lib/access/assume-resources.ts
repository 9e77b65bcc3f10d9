/**
 * What a principal's identity policies could let it assume, read without the evaluator: the access index uses it to
 * pick, per role, the few principals worth deciding. Roleplane's own analysis.
 */
import type { PrincipalPolicies } from "@/lib/domain/types";
import { actionMatches } from "@/lib/policy";
import type { DocumentReadings } from "./decision-classes";

/** A policy element that may be one value or a list, as a list. */
export const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * The resources a principal's identity policies could let it assume: `"any"` (a `*`, a NotResource, a NotAction, a
 * policy variable), the Resource patterns of its Allow statements whose Action matches sts:AssumeRole, or none.
 * Principals named only through their account need such a statement; skipping the others changes no answer, and
 * testing each distinct pattern once per role (not each principal) keeps 10,000 roles fast.
 */
export function assumeResources(p: PrincipalPolicies, ids: DocumentReadings): "any" | string[] {
  const patterns: string[] = [];
  for (const d of p.identity) {
    const found = ids.read(assumeResourcesIn, d.document);
    if (found === "any") return "any";
    patterns.push(...found);
  }
  return patterns;
}

function assumeResourcesIn(document: string): "any" | string[] {
  let doc: unknown;
  try {
    doc = JSON.parse(document);
  } catch {
    return [];
  }
  const patterns: string[] = [];
  for (const raw of asList((doc as { Statement?: unknown } | null)?.Statement)) {
    const s = (raw ?? {}) as { Effect?: unknown; Action?: unknown; NotAction?: unknown; Resource?: unknown; NotResource?: unknown };
    if (s.Effect !== "Allow") continue;
    if (s.NotAction !== undefined) return "any";
    if (!asList(s.Action).some((a) => typeof a === "string" && actionMatches(a, "sts:AssumeRole"))) continue;
    if (s.NotResource !== undefined) return "any";
    for (const r of asList(s.Resource)) {
      if (typeof r !== "string" || r === "*" || r.includes("${")) return "any";
      patterns.push(r);
    }
  }
  return patterns;
}

/** A Resource pattern as a whole-string glob, without case: it matches whatever IAM's per-segment match does, and more. */
export function globTest(pattern: string): (arn: string) => boolean {
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
  return (arn) => re.test(arn);
}
