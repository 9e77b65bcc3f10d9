import { expect, type Page } from "@playwright/test";
import { toAssumeRole } from "@/components/roles/routes";
import { openConsolePage } from "./navigation";

/** Every selector of the Assume role page and the Sessions tab lives here; specs read as user steps. */

export async function goToAssumeRole(page: Page, roleName: string, callerArn?: string) {
  await openConsolePage(page, toAssumeRole({ name: roleName, caller: callerArn ? { kind: "user", arn: callerArn } : null }));
  await expect(page.getByTestId("assume-title")).toHaveText(`Assume role ${roleName}`);
  if (callerArn) await expect(page.getByTestId("selected-caller-arn")).toHaveText(callerArn);
}

export async function selectCallerUser(page: Page, userName: string) {
  await page.getByTestId("caller-picker").getByText("IAM user", { exact: true }).click();
  await page.getByTestId("caller-search").fill(userName);
  await page.getByTestId("caller-option").filter({ hasText: `:user/${userName}` }).getByRole("radio").check();
  await expect(page.getByTestId("selected-caller-arn")).toContainText(`:user/${userName}`);
}

/** Picks an active role session (role chaining) by its ARN. */
export async function selectCallerSession(page: Page, sessionArn: string) {
  await page.getByTestId("caller-picker").getByText("Role session (chain)", { exact: true }).click();
  await page.getByTestId("caller-search").fill(sessionArn);
  await page.getByTestId("caller-option").filter({ hasText: sessionArn }).getByRole("radio").check();
  await expect(page.getByTestId("selected-caller-arn")).toHaveText(sessionArn);
}

export async function fillAssume(page: Page, f: { sessionName?: string; externalId?: string; sourceIdentity?: string; tag?: { key: string; value: string; transitive?: boolean } }) {
  if (f.sessionName) await page.getByLabel("Role session name").fill(f.sessionName);
  if (f.externalId) await page.getByLabel("External ID").fill(f.externalId);
  if (f.sourceIdentity) await page.getByLabel("Source identity").fill(f.sourceIdentity);
  if (f.tag) {
    await page.getByTestId("add-tag").click();
    await page.getByLabel("Session tag 1 key").fill(f.tag.key);
    await page.getByLabel("Session tag 1 value").fill(f.tag.value);
    if (f.tag.transitive) await page.getByTestId("session-tag-transitive-0").check();
  }
}

export async function durationChoices(page: Page): Promise<string[]> {
  return page.getByLabel("Duration").locator("option").allTextContents();
}

export async function clickAssume(page: Page) {
  await page.getByTestId("assume-submit").click();
}

/** Waits for the credentials and returns the assumed role user's ARN. */
export async function assertGranted(page: Page, arnEndsWith: string): Promise<string> {
  const granted = page.getByTestId("assume-granted");
  await expect(granted).toBeVisible();
  await expect(page.getByTestId("assumed-role-arn")).toHaveText(new RegExp(`^arn:aws:sts::\\d{12}:assumed-role/${arnEndsWith.replace(/[/.]/g, "\\$&")}$`));
  return (await page.getByTestId("assumed-role-arn").textContent()) ?? "";
}

export type CredentialFormat = "shell" | "profile" | "process";

/** Chooses a format and presses its copy button; returns what landed on the clipboard. */
export async function copyCredentials(page: Page, format: CredentialFormat): Promise<string> {
  const label = { shell: "Shell (export)", profile: "~/.aws/credentials", process: "credential_process JSON" }[format];
  await page.getByTestId("assume-granted").getByText(label, { exact: true }).click();
  await expect(page.getByTestId(`format-${format}`)).toBeChecked();
  await page.getByTestId("assume-granted").getByRole("button", { name: `Copy ${label}` }).click();
  await expect(page.getByTestId("assume-granted").getByRole("button", { name: `${label} copied` })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

export interface ProcessCredentials {
  Version: number;
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

/** Assumes with the form as it stands and returns the credentials, copied as `credential_process` JSON. */
export async function assumeAndCopyCredentials(page: Page, arnEndsWith: string): Promise<ProcessCredentials> {
  await clickAssume(page);
  await assertGranted(page, arnEndsWith);
  return JSON.parse(await copyCredentials(page, "process")) as ProcessCredentials;
}

export async function assertDenied(page: Page, awsMessage: string) {
  await expect(page.getByTestId("assume-denied")).toBeVisible();
  await expect(page.getByTestId("aws-denial-message")).toHaveText(`AccessDenied: ${awsMessage}`);
}

export const highlightedLines = (page: Page, tone: "deny" | "allow" | "condition") =>
  page.getByTestId("assume-denied").locator(`.cm-line.rp-highlight-${tone}`);

export async function clickSessionsTab(page: Page) {
  await page.getByTestId("tab-sessions").click();
  await expect(page.getByTestId("tab-sessions")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: /Active sessions/ })).toBeVisible();
}

export const sessionRow = (page: Page, sessionName: string) => page.getByTestId("session-row").filter({ has: page.getByTestId("session-name").getByText(sessionName, { exact: true }) });

export async function clickRevokeSession(page: Page, sessionName: string) {
  await sessionRow(page, sessionName).getByTestId("revoke-session").click();
  await expect(page.getByTestId("revoke-session-dialog")).toContainText("Roleplane's own");
  await page.getByTestId("confirm-revoke-session").click();
  await expect(sessionRow(page, sessionName).getByTestId("session-status")).toHaveText("Revoked");
}

export async function clickRevokeActiveSessions(page: Page) {
  await page.getByTestId("revoke-active-sessions").click();
  const dialog = page.getByTestId("revoke-active-sessions-dialog");
  await expect(dialog).toContainText("AWSRevokeOlderSessions");
  await expect(dialog.getByTestId("confirm-revoke-active-sessions")).toBeDisabled();
  await dialog.getByLabel("I acknowledge that I am revoking all active sessions for this role.").check();
  await dialog.getByTestId("confirm-revoke-active-sessions").click();
  await expect(dialog).toBeHidden();
}

/** The Activity tab's row for an assume with this session name. */
export const assumeActivityRow = (page: Page, sessionName: string) =>
  page.getByTestId("activity-row").filter({ hasText: "AssumeRole" }).filter({ has: page.getByTestId("activity-details").getByText(sessionName, { exact: true }) });
