import { expect, type Page } from "@playwright/test";

/** Every selector of the Access tabs lives here; specs read as user steps. */
export function accessRow(page: Page, table: "who-can-assume" | "can-assume", subject: string) {
  return page.getByTestId(table).getByTestId("access-row").filter({ has: page.getByTestId("access-subject").getByText(subject, { exact: true }) });
}

export async function assertAccessRow(page: Page, table: "who-can-assume" | "can-assume", subject: string, how: string, condition: "Conditional" | "Unconditional") {
  const row = accessRow(page, table, subject);
  await expect(row.getByTestId("access-how")).toHaveText(how);
  await expect(row.getByText(condition, { exact: true })).toBeVisible();
}

export async function expandEvidence(page: Page, table: "who-can-assume" | "can-assume", subject: string) {
  const row = accessRow(page, table, subject);
  await row.getByTestId("access-evidence").locator("summary").click();
  return row;
}

export async function selectAccessFilter(page: Page, table: "who-can-assume" | "can-assume", show: "all" | "unconditional" | "conditional" | "chains") {
  await page.getByTestId(`${table}-show`).selectOption(show);
}
