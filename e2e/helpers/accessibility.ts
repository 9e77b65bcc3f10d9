import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export type ColourScheme = "light" | "dark";

/** Starts every page of the test in the given theme, as the theme toggle would keep it. */
export async function useColourScheme(page: Page, scheme: ColourScheme) {
  await page.addInitScript((s) => localStorage.setItem("rp-theme", s), scheme);
}

/**
 * axe-core's WCAG 2 A and AA rules on the page as it stands; a failure lists each rule with the elements it
 * found, so the report says what to fix.
 */
export async function assertNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const found = violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(" ")}`).join("\n")}`);
  expect(found, found.join("\n")).toEqual([]);
}
