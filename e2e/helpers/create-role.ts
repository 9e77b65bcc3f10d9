import { expect, type Page } from "@playwright/test";
import {
  GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, ListInstanceProfilesForRoleCommand, ListRolePoliciesCommand,
} from "@aws-sdk/client-iam";
import type { UsersApi } from "../support/console-api";
import { E2E } from "../support/env";

/** Selectors of the create-role wizard's "Add permissions" and "Name, review, and create" steps. */

export async function clickNextTo(page: Page, step: "permissions" | "review") {
  await page.getByTestId("wizard-next").click();
  await expect(page).toHaveURL(new RegExp(`step=${step}`));
}

export async function filterPolicyType(page: Page, type: "All types" | "AWS managed" | "Customer managed", picker = "policy") {
  await page.getByTestId(`${picker}-type-filter`).getByText(type, { exact: true }).click();
}

/** Searches the permissions policies and ticks one. */
export async function checkPolicy(page: Page, search: string, name: string) {
  await page.getByTestId("policy-search").fill(search);
  await page.getByTestId("policy-results").getByTestId(`pick-${name}`).check();
  await expect(page.getByTestId("selected-policies")).toContainText(name);
}

/** Opens a policy's preview from the list, checks its document shows `text`, and closes it. */
export async function previewPolicy(page: Page, name: string, text: string) {
  await page.getByTestId("policy-results").getByTestId(`preview-${name}`).click();
  const dialog = page.getByTestId("policy-preview");
  await expect(dialog.getByRole("heading", { name })).toBeVisible();
  await expect(dialog.getByTestId("policy-preview-document")).toContainText(text);
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
}

/** Replaces a policy editor's whole document as if pasted (typing would auto-close brackets and quotes). */
async function fillEditor(page: Page, testId: string, document: string) {
  const editor = page.getByTestId(testId);
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(document);
  await expect(editor).toContainText(document.split("\n")[1]?.trim() ?? document.slice(0, 20));
}

/** "Custom trust policy"'s editor on step 1. */
export const fillCustomTrustPolicy = (page: Page, document: string) => fillEditor(page, "trust-policy", document);

export async function addInlinePolicy(page: Page, name: string, document: string) {
  await page.getByTestId("add-inline-policy").click();
  await page.getByTestId("inline-policy-name").fill(name);
  await fillEditor(page, "inline-policy-document", document);
}

export async function chooseBoundary(page: Page, search: string, name: string) {
  await page.getByTestId("use-boundary").check();
  await page.getByTestId("boundary-search").fill(search);
  await page.getByTestId("boundary-results").getByTestId(`pick-${name}`).check();
  await expect(page.getByTestId("boundary-choice")).toContainText(`policy/${name}`);
}

export async function fillRoleName(page: Page, name: string) {
  await page.getByLabel("Role name").fill(name);
}

export async function addTag(page: Page, index: number, key: string, value: string) {
  await page.getByTestId("add-tag").click();
  await page.getByLabel(`Tag ${index + 1} key`).fill(key);
  await page.getByLabel(`Tag ${index + 1} value`).fill(value);
}

/** The review's CLI commands, by IAM action, in order. */
export async function assertCliActions(page: Page, actions: string[]) {
  await expect(page.getByTestId("cli-command")).toHaveCount(actions.length);
  for (const [i, action] of actions.entries()) await expect(page.getByTestId("cli-command").nth(i)).toContainText(`· ${action}`);
}

export async function clickCreateRole(page: Page, name: string) {
  await page.getByTestId("create-role-submit").click();
  await expect(page.getByTestId("role-title")).toHaveText(name);
  await expect(page).toHaveURL(new RegExp(`/roles/${name}`));
}

/**
 * An IAM client signed with a fresh IAM user's key that may read roles, so specs read what the wizard made through
 * the IAM API as any AWS tool would.
 */
export async function iamReader(users: UsersApi): Promise<IAMClient> {
  const user = await users.createUser();
  await users.putInlinePolicy(user.name, "read-roles", {
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: ["iam:GetRole", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:ListInstanceProfilesForRole"], Resource: "*" }],
  });
  const key = (await users.createAccessKey(user.name)) as { accessKeyId: string; secretAccessKey?: string };
  return new IAMClient({
    endpoint: `${E2E.baseURL}/api/aws`,
    region: "us-east-1",
    maxAttempts: 1,
    credentials: { accessKeyId: key.accessKeyId, secretAccessKey: key.secretAccessKey! },
  });
}

/** The role as GetRole and the List* calls return it, its trust policy parsed. */
export async function readRoleViaIam(iam: IAMClient, name: string) {
  const { Role } = await iam.send(new GetRoleCommand({ RoleName: name }));
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: name }));
  const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: name }));
  const profiles = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: name }));
  return {
    trust: JSON.parse(decodeURIComponent(Role!.AssumeRolePolicyDocument!)) as unknown,
    path: Role!.Path,
    description: Role!.Description,
    maxSessionDuration: Role!.MaxSessionDuration,
    boundary: Role!.PermissionsBoundary?.PermissionsBoundaryArn,
    tags: Role!.Tags ?? [],
    attached: (attached.AttachedPolicies ?? []).map((p) => p.PolicyArn),
    inline: inline.PolicyNames ?? [],
    instanceProfiles: (profiles.InstanceProfiles ?? []).map((p) => p.Arn),
  };
}
