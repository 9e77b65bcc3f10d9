import { describe, expect, it } from "vitest";
import { readAccessAnalysisState, toAccessAnalysis } from "./analysis-routes";

describe("the Access analysis URL", () => {
  it("round-trips every filter, sort and page, and leaves defaults out", () => {
    const state = { search: "deploy role", kind: "chain-to-admin", severity: "high", findingsPage: 3, roles: "ci", sort: "chained", order: "desc", rolesPage: 2 } as const;
    const url = toAccessAnalysis(state);
    expect(url).toBe("/access?q=deploy+role&kind=chain-to-admin&severity=high&fpage=3&roles=ci&sort=chained&order=desc&rpage=2");
    expect(readAccessAnalysisState(new URL(url, "http://x").searchParams)).toEqual(state);
    expect(toAccessAnalysis(readAccessAnalysisState(new URLSearchParams()))).toBe("/access");
  });

  it("reads hostile or unknown values as the defaults", () => {
    const s = readAccessAnalysisState(new URLSearchParams("kind=__proto__&severity=constructor&fpage=1e999&rpage=-4&sort=toString&order=sideways"));
    expect(s).toEqual({ search: "", kind: "all", severity: "all", findingsPage: 1, roles: "", rolesPage: 1, sort: "name", order: "asc" });
    expect(readAccessAnalysisState(new URLSearchParams("fpage=99999999999")).findingsPage).toBe(1_000_000);
  });
});
