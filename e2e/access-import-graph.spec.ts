import { writeFile } from "node:fs/promises";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import { goToRole } from "./helpers/roles";
import { openConsolePage } from "./helpers/navigation";
import { assertImported, assertIncoming, chooseImportFiles, goToImport, importedFile, searchGraph, writeAccountFile } from "./helpers/access-import";

const trust = (Principal: object) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal, Action: "sts:AssumeRole" }] });

test.describe("import accounts and look at their graph", () => {
  test("imports a file with its progress, shows what it imported, and the graph highlights a role's incoming paths", async ({ page }, testInfo) => {
    const { account, path } = await writeAccountFile((n) => testInfo.outputPath(n), "prod.json");
    await goToImport(page);
    await expect(page.getByText("at most 32 MiB each")).toBeVisible();
    const notes = testInfo.outputPath("notes.json");
    await writeFile(notes, "not json at all");
    await chooseImportFiles(page, [path, notes]);

    await assertImported(page, "prod.json", account, { users: 1, groups: 1, roles: 3 });
    const refused = importedFile(page, "notes.json");
    await expect(refused).toHaveAttribute("data-status", "refused");
    await expect(refused.getByTestId("import-error")).toHaveText(/not JSON/);
    await page.screenshot({ path: testInfo.outputPath("import.png"), fullPage: true });

    await importedFile(page, "prod.json").getByRole("button", { name: "Graph view" }).click();
    await expect(page).toHaveURL(/\/access\/graph$/);
    await expect(page.getByTestId("graph-totals")).toContainText(`account ${account}`);
    await expect(page.getByTestId("graph-top-roles").getByTestId("graph-list-label")).toHaveText(["admin", "audit", "deploy"]);

    await searchGraph(page, "audit");
    await expect(page.getByTestId("graph-selected")).toHaveText(`arn:aws:iam::${account}:role/audit`);
    await assertIncoming(page, ["admin", "deploy", "alice"]);
    await expect(page.getByTestId("graph-incoming").getByTestId("graph-list-item").last()).toContainText("3 assumes away");
    await expect(page.getByTestId("graph-canvas").locator("canvas").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("graph.png"), fullPage: true });

    // Fewer hops draw less and say how many are beyond.
    await page.getByTestId("graph-hops").selectOption("1");
    await assertIncoming(page, ["admin"]);
    await expect(page.getByText("2 more need more assumes")).toBeVisible();

    // Keyboard: `/` focuses the search, the arrows move, Enter selects; the list selects too.
    await page.locator("body").press("/");
    await expect(page.getByTestId("graph-search")).toBeFocused();
    await page.keyboard.type("de");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("graph-selected")).toHaveText(`arn:aws:iam::${account}:role/deploy`);
    await assertIncoming(page, ["alice"]);
  });

  test("a role's Who can assume tab opens the graph on that role", async ({ page, api }, testInfo) => {
    const hop = await api.createRole({ trust: trust({ Service: "lambda.amazonaws.com" }) });
    // A long name, in the rightmost column: its label is drawn under it, shortened, inside the canvas (look at the PNG).
    const target = await api.createRole({ name: `${"a-long-role-name-".repeat(3)}${Date.now().toString(36)}`, trust: trust({ AWS: hop.arn }) });
    await goToRole(page, target.name, "who-can-assume");
    await page.getByTestId("show-in-graph").click();
    await expect(page.getByTestId("graph-selected")).toHaveText(target.arn);
    await assertIncoming(page, [hop.name, "lambda.amazonaws.com"]);
    await expect(page.getByTestId("graph-canvas").locator("canvas").first()).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath("graph-rightmost-label.png") });
  });
});

test.describe("a viewer on the import page", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("cannot choose files, and is told why", async ({ page }) => {
    await openConsolePage(page, "/access/import");
    await expect(page.getByTestId("import-file-input")).toBeDisabled();
    await expect(page.getByTestId("import-drop-zone")).toContainText(/read-only/i);
  });
});
