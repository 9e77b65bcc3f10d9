import { test, expect } from "./support/fixtures";
import type { Page } from "@playwright/test";
import { openConsolePage } from "./helpers/navigation";

/*
 * The policy editor on the playground: validation as you type, findings at their line, format-document and
 * keyboard use. Helpers hold every selector (they belong in helpers/policy-editor.ts once the editor is used on
 * other pages too).
 */

const editor = (page: Page) => page.getByTestId("policy-editor");
const content = (page: Page) => page.getByTestId("policy-editor-content");

async function goToPlayground(page: Page, query = "") {
  await openConsolePage(page, `/playground${query}`);
  await expect(page.getByRole("heading", { name: "Policy playground", level: 1 })).toBeVisible();
  await expect(content(page)).toBeVisible();
}

/** Replaces the whole document as if pasted (typing char by char would auto-close brackets and quotes). */
async function fillPolicy(page: Page, text: string) {
  await content(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
  await expect(content(page)).toContainText(text.split("\n")[1]?.trim() ?? text.slice(0, 20));
}

async function clickFinding(page: Page, code: string) {
  await page.getByTestId("policy-editor-findings-item").and(page.locator(`[data-code="${code}"]`)).click();
}

async function clickFormat(page: Page) {
  await page.getByTestId("policy-editor-format").click();
}

async function assertFindingAtLine(page: Page, code: string, line: number) {
  const item = page.getByTestId("policy-editor-findings-item").and(page.locator(`[data-code="${code}"]`));
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId("policy-editor-findings-place")).toHaveText(new RegExp(`^Line ${line}, column \\d+$`));
  await assertGutterMarkerOnLine(page, line);
}

/** The lint gutter's error marker sits on the same row as the line number `line`. */
async function assertGutterMarkerOnLine(page: Page, line: number) {
  const number = editor(page).locator(".cm-lineNumbers .cm-gutterElement").filter({ hasText: new RegExp(`^${line}$`) });
  const marker = editor(page).locator(".cm-gutter-lint .cm-gutterElement").filter({ has: page.locator(".cm-lint-marker-error") });
  await expect(marker.first()).toBeVisible();
  const rowTop = (await number.boundingBox())!.y;
  const tops = await marker.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().y));
  expect(tops.some((t) => Math.abs(t - rowTop) < 2)).toBe(true);
}

/** A rendered line's exact text (leading spaces included). */
const lineText = (page: Page, index: number) => content(page).locator(".cm-line").nth(index).evaluate((e) => e.textContent);

async function assertNoFinding(page: Page, code: string) {
  await expect(page.getByTestId("policy-editor-findings-item").and(page.locator(`[data-code="${code}"]`))).toHaveCount(0);
}

async function assertErrorCount(page: Page, n: number) {
  await expect(page.getByTestId("policy-editor-counts-error")).toHaveAttribute("data-count", String(n));
}

const INVALID_TRUST = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": { "Service": "ec2.amazonaws.com" },
      "Action": "sts:AssumeRol",
      "Condition": { "StringEquals": { "aws:SourceAccount": "111111111111" } }
    }
  ]
}`;

test.describe("policy editor", () => {
  test("a typo in a trust policy is flagged at its line, and clears once fixed", async ({ page }) => {
    await goToPlayground(page);
    await fillPolicy(page, INVALID_TRUST);
    await assertFindingAtLine(page, "INVALID_ACTION", 7);
    await expect(page.getByTestId("policy-editor-findings")).toContainText("Did you mean sts:AssumeRole?");
    await expect(page.getByTestId("policy-editor-verdict")).toContainText("refused by IAM");

    await clickFinding(page, "INVALID_ACTION");
    await expect(content(page)).toBeFocused();
    // The finding selected its span ("sts:AssumeRol" with quotes): typing replaces it.
    await page.keyboard.insertText('"sts:AssumeRole"');

    await assertNoFinding(page, "INVALID_ACTION");
    await assertErrorCount(page, 0);
    await expect(page.getByTestId("policy-editor-verdict")).toHaveAttribute("data-accepted", "true");
    await expect(page.getByTestId("policy-editor-summary")).toContainText("EC2 service (ec2.amazonaws.com) can assume this role");
  });

  test("a trust policy naming a role that does not exist is refused, one that exists is not", async ({ page, api }) => {
    const role = await api.createRole();
    await goToPlayground(page);
    const naming = (arn: string) => INVALID_TRUST.replace('{ "Service": "ec2.amazonaws.com" }', `{ "AWS": "${arn}" }`).replace("sts:AssumeRol", "sts:AssumeRole");
    await fillPolicy(page, naming(`${role.arn}-gone`));
    await assertFindingAtLine(page, "PRINCIPAL_NOT_FOUND", 6);
    await fillPolicy(page, naming(role.arn));
    await expect(page.getByTestId("policy-editor-verdict")).toHaveAttribute("data-accepted", "true");
    await assertNoFinding(page, "PRINCIPAL_NOT_FOUND");
  });

  test("format-document pretty-prints, from the button and from Shift-Alt-F, and undoes in one step", async ({ page }) => {
    await goToPlayground(page);
    const minified = JSON.stringify(JSON.parse(INVALID_TRUST));
    await fillPolicy(page, minified);
    await expect(content(page).locator(".cm-line")).toHaveCount(1);

    await clickFormat(page);
    // Two-space indentation with every object on its own lines, as the AWS console shows policies.
    await expect(content(page).locator(".cm-line")).toHaveCount(17);
    await expect.poll(() => lineText(page, 6)).toBe('        "Service": "ec2.amazonaws.com"');

    await content(page).click();
    await page.keyboard.press("ControlOrMeta+z");
    await expect(content(page).locator(".cm-line")).toHaveCount(1);
    await page.keyboard.press("Shift+Alt+F");
    await expect.poll(() => lineText(page, 1)).toBe('  "Version": "2012-10-17",');
  });

  test("format-document refuses broken JSON and says where", async ({ page }) => {
    await goToPlayground(page);
    await fillPolicy(page, '{\n  "Version": "2012-10-17",\n  "Statement": [\n}');
    await clickFormat(page);
    await expect(page.getByTestId("policy-editor-notice")).toHaveText(/line 4/);
    await assertErrorCount(page, 1);
  });

  test("the editor works without a mouse: Tab leaves it, findings are reachable with the keyboard", async ({ page }) => {
    await goToPlayground(page, "?example=trust-mistakes");
    await content(page).focus();
    await page.keyboard.press("Tab");
    await expect(content(page)).not.toBeFocused();
    const first = page.getByTestId("policy-editor-findings-item").first();
    await first.focus();
    await page.keyboard.press("Enter");
    await expect(content(page)).toBeFocused();
  });
});
