import { GetRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import type { ConsoleApi } from "./support/console-api";
import {
  assertDenied, assertGranted, assumeAndCopyCredentials, clickAssume, clickRevokeActiveSessions, clickRevokeSession, clickSessionsTab, copyCredentials,
  durationChoices, fillAssume, assumeActivityRow, goToAssumeRole, highlightedLines, selectCallerSession, selectCallerUser, sessionRow, type ProcessCredentials,
} from "./helpers/assume";
import { clickTab, goToRole, goToRoles, roleLastActivity } from "./helpers/roles";

/*
 * The console's Assume role and Sessions tab in Chromium, with the credentials it shows used through the real
 * STS and IAM APIs (@aws-sdk/client-sts, @aws-sdk/client-iam) against the same server.
 */

const endpoint = `${E2E.baseURL}/api/aws`;
const sdk = (c: ProcessCredentials) => ({ endpoint, region: "us-east-1", maxAttempts: 1, credentials: { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken } });
const callerIdentity = (c: ProcessCredentials) => new STSClient(sdk(c)).send(new GetCallerIdentityCommand({}));
const getRole = (c: ProcessCredentials, name: string) => new IAMClient(sdk(c)).send(new GetRoleCommand({ RoleName: name }));
async function errorCode(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (e) {
    return (e as { name?: string }).name ?? "";
  }
  throw new Error("expected the call to be refused");
}

const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const trusting = (arn: string, extra: object = {}) => doc({ Effect: "Allow", Principal: { AWS: arn }, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity"], ...extra });

test.describe("Assume role in the console", () => {
  test.beforeEach(async ({ context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: E2E.baseURL });
  });

  test("a granted assume shows the credentials in each format, copied exactly, with a live countdown and the CLI command", async ({ page, api, users }) => {
    const user = await users.createUser();
    const role = await api.createRole({ trust: trusting(user.arn) });
    await goToRole(page, role.name);
    await page.getByTestId("assume-role").click();
    await expect(page.getByTestId("assume-title")).toHaveText(`Assume role ${role.name}`);
    await selectCallerUser(page, user.name);
    await expect(page).toHaveURL(new RegExp(`/roles/${role.name}/assume\\?user=`));
    await fillAssume(page, { sessionName: "from-the-console", sourceIdentity: "e2e-person", tag: { key: "team", value: "platform", transitive: true } });
    await clickAssume(page);
    const arn = await assertGranted(page, `${role.name}/from-the-console`);

    const shell = await copyCredentials(page, "shell");
    expect(shell).toMatch(/^export AWS_ACCESS_KEY_ID=ASIA[A-Z2-7]{16}\nexport AWS_SECRET_ACCESS_KEY=\S{30,}\nexport AWS_SESSION_TOKEN=\S{40,}$/);
    const profile = await copyCredentials(page, "profile");
    expect(profile).toMatch(new RegExp(`^\\[roleplane-${role.name}\\]\\naws_access_key_id = ASIA\\w+\\naws_secret_access_key = \\S+\\naws_session_token = \\S+$`));
    const json = JSON.parse(await copyCredentials(page, "process")) as ProcessCredentials;
    expect(json).toMatchObject({ Version: 1, AccessKeyId: expect.stringMatching(/^ASIA/), Expiration: expect.any(String) });
    expect(shell).toContain(json.SecretAccessKey);
    expect(profile).toContain(json.SessionToken);
    // The page shows the secret only when asked to.
    await expect(page.getByTestId("credentials-text")).not.toContainText(json.SecretAccessKey);
    await page.getByTestId("toggle-credentials").click();
    await expect(page.getByTestId("credentials-text")).toContainText(json.SecretAccessKey);

    const countdown = page.getByTestId("expires-countdown");
    await expect(countdown).toHaveText(/^(59|60):\d\d left$/);
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first ?? "");
    await expect(page.getByTestId("assume-cli-command")).toContainText(`aws sts assume-role --endpoint-url ${endpoint}`);
    await expect(page.getByTestId("assume-cli-command")).toContainText(`--role-arn ${role.arn}`);
    await expect(page.getByTestId("assume-cli-command")).toContainText("--tags Key=team,Value=platform");

    expect((await callerIdentity(json)).Arn).toBe(arn);
    await page.getByRole("link", { name: "See it under Sessions" }).click();
    await expect(sessionRow(page, "from-the-console").getByTestId("session-caller")).toHaveText(user.arn);
    await expect(sessionRow(page, "from-the-console").getByTestId("session-source-identity")).toHaveText("e2e-person");
    await expect(sessionRow(page, "from-the-console").getByTestId("session-tag")).toHaveText("team=platform · transitive");

    await clickTab(page, "activity");
    const event = assumeActivityRow(page, "from-the-console");
    await expect(event).toContainText("Granted");
    await expect(event.getByTestId("activity-source")).toHaveText("Console");
    await expect(event.getByTestId("activity-details")).toContainText(user.arn);
    await expect(event.getByTestId("activity-details")).toContainText("e2e-person");
    await goToRoles(page, `?search=${role.name}`);
    await expect(roleLastActivity(page, role.name)).toHaveText(/^(Just now|\d+ minutes? ago)$/);
  });

  test("a denied assume says why, with the deciding statement and failed condition highlighted, and what to change", async ({ page, api, users }) => {
    const user = await users.createUser();
    const role = await api.createRole({ trust: trusting(user.arn, { Sid: "PartnerWithExternalId", Condition: { StringEquals: { "sts:ExternalId": "acme-7431" } } }) });
    await goToAssumeRole(page, role.name, user.arn);
    await clickAssume(page);
    await assertDenied(page, `User: ${user.arn} is not authorized to perform: sts:AssumeRole on resource: ${role.arn}`);
    await expect(page.getByTestId("roleplane-explanation")).toContainText("Roleplane's explanation");
    await expect(page.getByTestId("denial-changes")).toHaveText(`Statement #1 (Sid "PartnerWithExternalId") of the role's trust policy: pass External ID "acme-7431": the trust policy requires it.`);
    await expect(page.getByTestId("failed-condition")).toHaveText(/StringEquals\s*sts:ExternalId\s*"acme-7431"\s*nothing \(not in the request\)\s*fails/);
    await expect(highlightedLines(page, "condition")).toHaveText([`"sts:ExternalId": "acme-7431"`].map((t) => new RegExp(t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))));
    await expect(highlightedLines(page, "deny").first()).toHaveText("{");
    await expect(highlightedLines(page, "deny").filter({ hasText: "PartnerWithExternalId" })).toHaveCount(1);

    await fillAssume(page, { externalId: "acme-7431" });
    await clickAssume(page);
    await assertGranted(page, `${role.name}/console-session`);
  });

  test("a chain: a role session assumes a second role, at most for an hour", async ({ page, api, users }) => {
    const user = await users.createUser();
    const first = await api.createRole({ trust: trusting(user.arn) });
    const second = await api.createRole({ trust: trusting(first.arn) });
    await setMaxSession(api, second.name, 4 * 3600);
    await goToAssumeRole(page, first.name, user.arn);
    await fillAssume(page, { sessionName: "hop-one", sourceIdentity: "chain-person" });
    await clickAssume(page);
    const firstArn = await assertGranted(page, `${first.name}/hop-one`);

    await goToAssumeRole(page, second.name);
    // The choices follow the role and the caller, which load after the page: wait for them as a person would.
    await expect.poll(() => durationChoices(page)).toContain("4 hours");
    await selectCallerSession(page, firstArn);
    await expect.poll(() => durationChoices(page)).toEqual(["15 minutes", "30 minutes", "1 hour"]);
    await expect(page.getByLabel("Source identity")).toHaveValue("chain-person");
    await expect(page.getByLabel("Source identity")).toBeDisabled();
    await fillAssume(page, { sessionName: "hop-two" });
    await clickAssume(page);
    await assertGranted(page, `${second.name}/hop-two`);

    await goToRole(page, second.name, "sessions");
    await expect(sessionRow(page, "hop-two").getByTestId("session-caller")).toHaveText(firstArn);
    await expect(sessionRow(page, "hop-two")).toContainText("Role chaining");
    await expect(sessionRow(page, "hop-two").getByTestId("session-source-identity")).toHaveText("chain-person");
  });

  test("revoke one session, then Revoke active sessions: the API refuses the credentials", async ({ page, api, users }) => {
    const user = await users.createUser();
    const role = await api.createRole({ trust: trusting(user.arn) });
    await api.attachPolicy(role.name, "arn:aws:iam::aws:policy/IAMReadOnlyAccess");
    await goToAssumeRole(page, role.name, user.arn);
    await fillAssume(page, { sessionName: "first-laptop" });
    const one = await assumeAndCopyCredentials(page, `${role.name}/first-laptop`);
    await fillAssume(page, { sessionName: "second-laptop" });
    const two = await assumeAndCopyCredentials(page, `${role.name}/second-laptop`);
    expect((await getRole(one, role.name)).Role?.Arn).toBe(role.arn);

    await goToRole(page, role.name);
    await clickSessionsTab(page);
    await expect(page.getByTestId("active-session-count")).toHaveText("2");
    await clickRevokeSession(page, "first-laptop");
    expect(await errorCode(callerIdentity(one))).toBe("InvalidClientTokenId");
    expect((await getRole(two, role.name)).Role?.Arn).toBe(role.arn);

    await clickRevokeActiveSessions(page);
    await expect(sessionRow(page, "second-laptop").getByTestId("session-status")).toHaveText("Revoked by AWSRevokeOlderSessions");
    await expect(page.getByTestId("active-session-count")).toHaveText("0");
    expect(await errorCode(getRole(two, role.name))).toBe("AccessDenied");

    await page.getByTestId("tab-permissions").click();
    await expect(page.getByTestId("inline-policy-row").filter({ hasText: "AWSRevokeOlderSessions" }).getByTestId("revoke-policy-note")).toBeVisible();
  });
});

test.describe("Assume role from the keyboard", () => {
  test("from the role page to credentials without the mouse; focus lands on the result", async ({ page, api, users }) => {
    const user = await users.createUser();
    const role = await api.createRole({ trust: trusting(user.arn) });
    await goToRole(page, role.name);
    await page.getByTestId("assume-role").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("assume-title")).toHaveText(`Assume role ${role.name}`);
    await page.getByTestId("caller-search").focus();
    await page.keyboard.type(user.name);
    await expect(page.getByTestId("caller-option")).toHaveCount(1);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("selected-caller-arn")).toHaveText(user.arn);
    await page.getByLabel("Role session name").focus();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("keyboard-only");
    await page.keyboard.press("Enter");
    await assertGranted(page, `${role.name}/keyboard-only`);
    await expect(page.getByRole("heading", { name: "Credentials issued" })).toBeFocused();
  });
});

test.describe("Assume role for a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("is disabled with the reason, and so is Revoke active sessions", async ({ page, api }) => {
    const role = await api.createRole();
    await goToRole(page, role.name);
    await expect(page.getByTestId("assume-role")).toBeDisabled();
    await expect(page.getByTestId("assume-role")).toHaveAccessibleDescription(/read-only/i);
    await clickSessionsTab(page);
    await expect(page.getByTestId("revoke-active-sessions")).toBeDisabled();
  });
});

async function setMaxSession(api: ConsoleApi, name: string, seconds: number) {
  const res = await api.request.patch(`/api/console/roles/${name}`, { data: { MaxSessionDuration: seconds } });
  expect(res.status(), await res.text()).toBe(200);
}

