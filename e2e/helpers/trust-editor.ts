import { expect, type APIRequestContext, type Page } from "@playwright/test";

/** Every selector for the trust tab's policy editor lives here; the spec reads as user steps. */
const EDITOR = "trust-policy-editor";
const content = (page: Page) => page.getByTestId("trust-editor");
const finding = (page: Page, code: string) => page.getByTestId(`${EDITOR}-findings-item`).and(page.locator(`[data-code="${code}"]`));

export async function clickEditTrust(page: Page) {
  await page.getByTestId("edit-trust").click();
  await expect(content(page)).toBeVisible();
}

/** Replaces the whole document as if pasted (typing char by char would auto-close brackets and quotes). */
export async function fillTrustPolicy(page: Page, text: string) {
  await content(page).click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
  await expect(content(page)).toContainText(text.split("\n")[1]?.trim() ?? text.slice(0, 20));
}

export async function clickReviewChanges(page: Page) {
  await page.getByTestId(`${EDITOR}-review`).click();
  await expect(page.getByTestId(`${EDITOR}-diff`)).toBeVisible();
}

export async function clickSaveTrust(page: Page) {
  await page.getByTestId("save-trust").click();
}

/** Saves and waits for the tab to return to the read-only view, which it does only once the server accepted. */
export async function saveTrust(page: Page) {
  await clickSaveTrust(page);
  await expect(page.getByTestId("trust-policy-view")).toBeVisible();
}

export async function clickReloadLatest(page: Page) {
  await page.getByTestId("trust-reload-latest").click();
  await expect(page.getByTestId("trust-conflict")).toBeHidden();
}

export async function assertFindingAtLine(page: Page, code: string, line: number) {
  await expect(finding(page, code)).toHaveCount(1);
  await expect(finding(page, code).getByTestId(`${EDITOR}-findings-place`)).toHaveText(new RegExp(`^Line ${line}, column \\d+$`));
}

export async function assertNoFinding(page: Page, code: string) {
  await expect(finding(page, code)).toHaveCount(0);
  await expect(page.getByTestId(`${EDITOR}-counts-error`)).toHaveAttribute("data-count", "0");
}

export async function assertSaveBlocked(page: Page) {
  await expect(page.getByTestId("save-trust")).toBeDisabled();
  await expect(page.getByTestId("trust-save-blocked")).toBeVisible();
}

export async function assertSaveAllowed(page: Page) {
  await expect(page.getByTestId("save-trust")).toBeEnabled();
  await expect(page.getByTestId("trust-save-blocked")).toBeHidden();
}

/** The read-only view (after saving or reloading): the JSON and its plain-words summary. */
export async function assertSavedTrustView(page: Page, json: string, summary: string) {
  await expect(page.getByTestId("trust-policy-view")).toContainText(json);
  await expect(page.getByTestId(`${EDITOR}-summary`)).toContainText(summary);
}

export async function assertConflictShown(page: Page) {
  await expect(page.getByTestId("trust-conflict")).toContainText("ConcurrentModification");
  await expect(page.getByTestId("trust-reload-latest")).toBeVisible();
}

/** Someone else's change, straight through the console API, as another admin tab would make it. */
export async function putTrustPolicyViaApi(request: APIRequestContext, roleName: string, document: string) {
  const url = `/api/console/roles/${encodeURIComponent(roleName)}`;
  const { version } = (await (await request.get(url)).json()) as { version: number };
  const res = await request.put(`${url}/trust-policy`, { data: { PolicyDocument: document, ExpectedVersion: version } });
  expect(res.status(), await res.text()).toBe(200);
}

export async function getTrustPolicyViaApi(request: APIRequestContext, roleName: string): Promise<unknown> {
  const res = await request.get(`/api/console/roles/${encodeURIComponent(roleName)}`);
  expect(res.status()).toBe(200);
  const { trustPolicy } = (await res.json()) as { trustPolicy: string };
  return JSON.parse(trustPolicy);
}
