import { expect, type Page } from "@playwright/test";

/** Every selector of the Who can assume and Can assume tabs lives here; specs read as user steps. */
type AccessTable = "who-can-assume" | "can-assume";
type AccessSection = "direct" | "conditional" | "chains";

export function accessRow(page: Page, table: AccessTable, subject: string, section?: AccessSection) {
  const scope = page.getByTestId(section ? `${table}-${section}` : table);
  return scope.getByTestId("access-row").filter({ has: page.getByTestId("access-subject").getByText(subject, { exact: true }) });
}

/** The section's heading shows its count, "(n)" or "(n of m)" while searching. */
export async function assertSectionCount(page: Page, table: AccessTable, section: AccessSection, count: string) {
  await expect(page.getByTestId(`${table}-${section}`).getByTestId("access-section-count")).toHaveText(`(${count})`);
}

/** Expands a row and answers its evidence, the row under it. */
export async function expandEvidence(page: Page, table: AccessTable, subject: string) {
  const row = accessRow(page, table, subject);
  await row.getByTestId("access-expand").click();
  await expect(row.getByTestId("access-expand")).toHaveAttribute("aria-expanded", "true");
  return row.locator("xpath=following-sibling::tr[1]");
}

export async function searchAccess(page: Page, table: AccessTable, text: string) {
  await page.getByTestId(`${table}-search`).fill(text);
}

/** The subjects a section shows, in order. */
export function sectionSubjects(page: Page, table: AccessTable, section: AccessSection) {
  return page.getByTestId(`${table}-${section}`).getByTestId("access-subject");
}

/** "n of m shown" under a section's rows. */
export async function assertShown(page: Page, table: AccessTable, section: AccessSection, text: string) {
  await expect(page.getByTestId(`${table}-${section}`).getByTestId("access-shown")).toHaveText(text);
}

export async function showMore(page: Page, table: AccessTable, section: AccessSection) {
  await page.getByTestId(`${table}-${section}`).getByTestId("access-show-more").click();
}

/** Sorts by a column from the keyboard (its header is a button), in a section's table; answers the header cell. */
export async function sortAccessBy(page: Page, table: AccessTable, section: AccessSection, column: "subject" | "kind" | "hops") {
  const button = page.getByTestId(`${table}-${section}`).getByTestId(`${table}-sort-${column}`);
  await button.focus();
  await page.keyboard.press("Enter");
  return button.locator("xpath=ancestor::th[1]");
}
