import { describe, expect, it } from "vitest";
import { CANVAS_LABEL_MAX, canvasLabel } from "./graph-style";

describe("canvas labels", () => {
  it("keeps a short name and shortens a long one to its start and end", () => {
    expect(canvasLabel("deploy")).toBe("deploy");
    const long = "platform-team-production-deployment-role-for-eu-west-1";
    const shown = canvasLabel(long);
    expect(shown).toHaveLength(CANVAS_LABEL_MAX);
    expect(shown).toBe("platform-tea…r-eu-west-1");
    expect(canvasLabel("x".repeat(CANVAS_LABEL_MAX))).toBe("x".repeat(CANVAS_LABEL_MAX));
  });
});
