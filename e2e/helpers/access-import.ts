import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { smallAccountFile } from "../../tests/support/authorization-details-fixture";
import { openConsolePage } from "./navigation";

/** Every selector of the import page and the graph view lives here; specs read as user steps. */

export async function goToImport(page: Page) {
  await openConsolePage(page, "/access/import");
  await expect(page.getByTestId("import-drop-zone")).toBeVisible();
}

/** A fresh small account written as `aws iam get-account-authorization-details` prints it, in the test's output folder. */
export async function writeAccountFile(outputPath: (name: string) => string, name = "account.json") {
  const { account, file } = smallAccountFile();
  const at = outputPath(name);
  await mkdir(path.dirname(at), { recursive: true });
  await writeFile(at, JSON.stringify(file, null, 2));
  return { account, file, path: at };
}

export async function chooseImportFiles(page: Page, files: Parameters<Locator["setInputFiles"]>[0]) {
  await page.getByTestId("import-file-input").setInputFiles(files);
}

export function importedFile(page: Page, name: string) {
  return page.getByTestId("import-file").filter({ has: page.getByTestId("import-file-name").getByText(name, { exact: true }) });
}

export async function assertImported(page: Page, name: string, account: string, counts: { users: number; groups: number; roles: number }) {
  const row = importedFile(page, name);
  await expect(row).toHaveAttribute("data-status", "done");
  await expect(row.getByTestId("import-progress")).toHaveAttribute("aria-valuenow", "100");
  for (const step of ["upload", "parsed", "checked", "written"]) await expect(row.getByTestId(`import-step-${step}`)).toHaveAttribute("data-done", "true");
  await expect(row.getByTestId("imported-account-id")).toHaveText(account);
  for (const [noun, n] of Object.entries(counts)) await expect(row.getByTestId(`imported-${noun}`)).toHaveText(`${n} ${n === 1 ? noun.slice(0, -1) : noun}`);
}

export async function searchGraph(page: Page, text: string) {
  const search = page.getByTestId("graph-search");
  await search.fill(text);
  await expect(page.getByTestId("graph-search-result").first()).toBeVisible();
  await search.press("Enter");
}

export async function assertIncoming(page: Page, labels: string[]) {
  await expect(page.getByTestId("graph-incoming").getByTestId("graph-list-label")).toHaveText(labels);
}
