import { expect, type Page } from "@playwright/test";
import type { FindingKind, Severity } from "@/lib/access/findings";
import { toAccessAnalysis } from "@/components/access/analysis-routes";
import { openConsolePage } from "./navigation";

/** Every selector of the Access analysis page (/access) lives here; specs read as reviewer steps. */
export async function goToAccessAnalysis(page: Page) {
  await openConsolePage(page, toAccessAnalysis());
  await expect(page.getByTestId("findings-count")).toBeVisible();
}

export async function clickAccessAnalysisInSidebar(page: Page) {
  await page.getByTestId("nav-access").click();
  await expect(page.getByTestId("nav-access")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("findings-count")).toBeVisible();
}

export async function searchFindings(page: Page, text: string) {
  await page.getByTestId("findings-search").fill(text);
  await expect(page).toHaveURL(text ? new RegExp(`[?&]q=${encodeURIComponent(text)}`) : /\/access(?!.*[?&]q=)/);
}

export async function selectFindingKind(page: Page, kind: FindingKind | "all") {
  await page.getByTestId("findings-kind").selectOption(kind);
  await expect(page).toHaveURL(kind === "all" ? /\/access(?!.*kind=)/ : new RegExp(`kind=${kind}`));
}

export async function selectFindingSeverity(page: Page, severity: Severity | "all") {
  await page.getByTestId("findings-severity").selectOption(severity);
  await expect(page).toHaveURL(severity === "all" ? /\/access(?!.*severity=)/ : new RegExp(`severity=${severity}`));
}

export const finding = (page: Page, roleName: string) => page.getByTestId("finding").filter({ has: page.getByTestId("finding-role").getByText(roleName, { exact: true }) });

/**
 * The findings shown for roles whose names start with `rolePrefix`, as `[kind label, severity, role]` (other tests'
 * roles may match a search too: it also reads the evidence, where any principal of the account can appear).
 */
export async function assertFindings(page: Page, rolePrefix: string, expected: [string, string, string][]) {
  const rows = page.getByTestId("finding").filter({ has: page.getByTestId("finding-role").getByText(rolePrefix) });
  await expect(rows).toHaveCount(expected.length);
  for (const [i, [kind, severity, role]] of expected.entries()) {
    await expect(rows.nth(i).getByTestId("finding-kind")).toHaveText(kind);
    await expect(rows.nth(i).getByTestId("finding-severity")).toHaveText(severity);
    await expect(rows.nth(i).getByTestId("finding-role")).toHaveText(role);
  }
}

/** Opens a finding with the keyboard (its summary is a native disclosure) and returns it. */
export async function expandFinding(page: Page, roleName: string) {
  const row = finding(page, roleName);
  await row.locator("summary").focus();
  await page.keyboard.press("Enter");
  await expect(row.getByTestId("finding-evidence")).toBeVisible();
  return row;
}

export async function searchAccessRoles(page: Page, text: string) {
  await page.getByTestId("access-roles-search").fill(text);
  await expect(page).toHaveURL(new RegExp(`[?&]roles=${encodeURIComponent(text)}`));
}

/** Clicks a column's header (the first click sorts ascending, the next descending) and waits for the sort to show. */
export async function sortAccessRolesBy(page: Page, column: "Role" | "Direct" | "With conditions" | "Through chains" | "Findings", direction: "ascending" | "descending") {
  const header = page.getByTestId("access-roles-table").getByRole("columnheader", { name: column });
  await header.getByRole("link").click();
  await expect(header).toHaveAttribute("aria-sort", direction);
}

export async function assertAccessRoles(page: Page, rows: [name: string, direct: string, conditional: string, chained: string][]) {
  const shown = page.getByTestId("access-role-row");
  await expect(shown.getByTestId("access-role-name")).toHaveText(rows.map((r) => r[0]));
  for (const [i, [, direct, conditional, chained]] of rows.entries()) {
    await expect(shown.nth(i).getByTestId("access-role-direct")).toHaveText(direct);
    await expect(shown.nth(i).getByTestId("access-role-conditional")).toHaveText(conditional);
    await expect(shown.nth(i).getByTestId("access-role-chained")).toHaveText(chained);
  }
}
