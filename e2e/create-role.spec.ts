import { test, expect } from "./support/fixtures";
import { uniqueName } from "./support/console-api";
import { chooseEntity, openTrustStep } from "./helpers/role-wizard";
import {
  addInlinePolicy, addTag, assertCliActions, checkPolicy, chooseBoundary, clickCreateRole, clickNextTo, filterPolicyType, fillCustomTrustPolicy, fillRoleName, iamReader,
  previewPolicy, readRoleViaIam,
} from "./helpers/create-role";

/*
 * The create-role wizard end to end in Chromium, one scenario of the IAM roles guide per test: each goes through
 * all three steps, creates the role, and reads what was made back through the IAM API (@aws-sdk/client-iam).
 */

const accountOf = (arn: string) => arn.split(":")[4];
const statement = (principal: object, action: string, condition?: object) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: principal, Action: action, ...(condition && { Condition: condition }) }],
});
const logsPolicy = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "logs:GetLogEvents", Resource: "*" }] }, null, 2);

test.describe("create role: every scenario through all three steps", () => {
  test("an EC2 service role with AWS and customer policies, an inline policy, a boundary, tags and its instance profile", async ({ page, api, users, policies, profiles }) => {
    const name = uniqueName("fleet");
    api.track(name);
    profiles.track(name);
    const iam = await iamReader(users);
    const own = await policies.createPolicy();
    await openTrustStep(page, "&entity=service&service=ec2");
    await clickNextTo(page, "permissions");
    await filterPolicyType(page, "AWS managed");
    await checkPolicy(page, "ReadOnlyAccess", "ReadOnlyAccess");
    await previewPolicy(page, "ReadOnlyAccess", '"Effect": "Allow"');
    await filterPolicyType(page, "Customer managed");
    await page.getByTestId("policy-search").fill("ReadOnlyAccess");
    await expect(page.getByTestId("policy-results")).toContainText("No customer managed policy matches");
    await checkPolicy(page, own.name, own.name);
    await expect(page.getByTestId("policies-count")).toHaveText("2 of 10 selected");
    await addInlinePolicy(page, "read-logs", logsPolicy);
    await chooseBoundary(page, "PowerUserAccess", "PowerUserAccess");
    await clickNextTo(page, "review");
    // Back and forward keep every choice.
    await page.goBack();
    await expect(page).toHaveURL(/step=permissions/);
    await expect(page.getByTestId("selected-policies")).toContainText(own.name);
    await expect(page.getByTestId("inline-policy-name")).toHaveValue("read-logs");
    await page.goForward();
    await fillRoleName(page, name);
    await page.getByLabel("Path").fill("/fleet/");
    await page.getByLabel("Description").fill("Web servers in the fleet");
    await page.getByLabel("Maximum session duration").selectOption(String(2 * 3600));
    await addTag(page, 0, "team", "web");
    await expect(page.getByTestId("review-policies")).toContainText(own.arn);
    await expect(page.getByTestId("review-inline-name")).toHaveText("read-logs");
    await expect(page.getByTestId("review-boundary")).toHaveText("arn:aws:iam::aws:policy/PowerUserAccess");
    await expect(page.getByTestId("review-instance-profile")).toContainText(name);
    await assertCliActions(page, ["CreateRole", "AttachRolePolicy", "AttachRolePolicy", "PutRolePolicy", "PutRolePermissionsBoundary", "TagRole", "CreateInstanceProfile", "AddRoleToInstanceProfile"]);
    await clickCreateRole(page, name);
    const account = accountOf(own.arn);
    expect(await readRoleViaIam(iam, name)).toEqual({
      trust: statement({ Service: "ec2.amazonaws.com" }, "sts:AssumeRole", { StringEquals: { "aws:SourceAccount": account } }),
      path: "/fleet/",
      description: "Web servers in the fleet",
      maxSessionDuration: 7200,
      boundary: "arn:aws:iam::aws:policy/PowerUserAccess",
      tags: [{ Key: "team", Value: "web" }],
      attached: ["arn:aws:iam::aws:policy/ReadOnlyAccess", own.arn],
      inline: ["read-logs"],
      instanceProfiles: [`arn:aws:iam::${account}:instance-profile/fleet/${name}`],
    });
  });

  test("a role for this account's users that requires MFA", async ({ page, api, users }) => {
    const name = uniqueName("mfa");
    api.track(name);
    const iam = await iamReader(users);
    await openTrustStep(page);
    await chooseEntity(page, "account");
    await page.getByTestId("account-this").check();
    await page.getByTestId("require-mfa").check();
    await clickNextTo(page, "permissions");
    await checkPolicy(page, "ReadOnlyAccess", "ReadOnlyAccess");
    await clickNextTo(page, "review");
    await fillRoleName(page, name);
    await assertCliActions(page, ["CreateRole", "AttachRolePolicy"]);
    await clickCreateRole(page, name);
    const role = await readRoleViaIam(iam, name);
    const account = accountOf(await page.getByTestId("role-arn").innerText());
    expect(role.trust).toEqual(statement({ AWS: `arn:aws:iam::${account}:root` }, "sts:AssumeRole", { Bool: { "aws:MultiFactorAuthPresent": "true" } }));
    expect(role.attached).toEqual(["arn:aws:iam::aws:policy/ReadOnlyAccess"]);
  });

  test("a role for another account that must send an external ID", async ({ page, api, users }) => {
    const name = uniqueName("partner");
    api.track(name);
    const iam = await iamReader(users);
    await openTrustStep(page);
    await chooseEntity(page, "account");
    await page.getByTestId("account-other").check();
    await page.getByTestId("account-id").fill("444455556666");
    await page.getByTestId("require-external-id").check();
    await page.getByTestId("external-id").fill("partner-7f3a");
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await fillRoleName(page, name);
    await clickCreateRole(page, name);
    expect((await readRoleViaIam(iam, name)).trust).toEqual(
      statement({ AWS: "arn:aws:iam::444455556666:root" }, "sts:AssumeRole", { StringEquals: { "sts:ExternalId": "partner-7f3a" } }),
    );
  });

  test("a web identity role for one subject of the demo OIDC provider", async ({ page, api, users, providers }) => {
    const name = uniqueName("oidc");
    api.track(name);
    const iam = await iamReader(users);
    const oidc = await providers.ensureDemo("oidc");
    const host = oidc.slice(oidc.indexOf(":oidc-provider/") + ":oidc-provider/".length);
    await openTrustStep(page);
    await chooseEntity(page, "web-identity");
    await page.getByTestId("web-identity-provider").selectOption(oidc);
    await page.getByTestId("web-identity-audience").fill("sts.amazonaws.com");
    await page.getByTestId("web-identity-subject").fill("alice@example.com");
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await fillRoleName(page, name);
    await clickCreateRole(page, name);
    expect((await readRoleViaIam(iam, name)).trust).toEqual(
      statement({ Federated: oidc }, "sts:AssumeRoleWithWebIdentity", { StringEquals: { [`${host}:aud`]: "sts.amazonaws.com", [`${host}:sub`]: "alice@example.com" } }),
    );
  });

  test("a SAML role with AWS Management Console access", async ({ page, api, users, providers }) => {
    const name = uniqueName("saml");
    api.track(name);
    const iam = await iamReader(users);
    const saml = await providers.ensureDemo("saml");
    await openTrustStep(page, "&entity=saml");
    await page.getByTestId("saml-provider").selectOption(saml);
    await page.getByTestId("saml-access-console").check();
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await fillRoleName(page, name);
    await clickCreateRole(page, name);
    expect((await readRoleViaIam(iam, name)).trust).toEqual(
      statement({ Federated: saml }, "sts:AssumeRoleWithSAML", { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } }),
    );
  });

  test("a custom trust policy naming one IAM user", async ({ page, api, users }) => {
    const name = uniqueName("custom");
    api.track(name);
    const iam = await iamReader(users);
    const deployer = await users.createUser();
    const custom = statement({ AWS: deployer.arn }, "sts:AssumeRole");
    await openTrustStep(page);
    await chooseEntity(page, "custom");
    await fillCustomTrustPolicy(page, JSON.stringify(custom, null, 2));
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await fillRoleName(page, name);
    await expect(page.getByTestId("review-trust-policy")).toContainText(deployer.arn);
    await clickCreateRole(page, name);
    expect((await readRoleViaIam(iam, name)).trust).toEqual(custom);
  });

  test("a name already taken shows IAM's EntityAlreadyExists beside Role name, and nothing is created", async ({ page, api, profiles }) => {
    const taken = await api.createRole({ name: uniqueName("taken") });
    await openTrustStep(page, "&entity=service&service=ec2");
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await fillRoleName(page, taken.name.toUpperCase());
    await page.getByTestId("create-role-submit").click();
    const field = page.getByTestId("review-details");
    await expect(field.getByRole("alert")).toHaveText(`Role with name ${taken.name.toUpperCase()} already exists.`);
    await expect(page.getByLabel("Role name")).toHaveAttribute("aria-invalid", "true");
    await expect(page).toHaveURL(/step=review/);
    expect(await profiles.exists(taken.name.toUpperCase())).toBe(false);
    // Changing the name answers the refusal.
    await fillRoleName(page, `${taken.name}-2`);
    await expect(field.getByRole("alert")).toBeHidden();
  });

  test("Previous steps back keeping the answers; Cancel discards the draft and returns to Roles", async ({ page }) => {
    await openTrustStep(page, "&entity=service&service=lambda");
    await clickNextTo(page, "permissions");
    await checkPolicy(page, "ReadOnlyAccess", "ReadOnlyAccess");
    await clickNextTo(page, "review");
    await fillRoleName(page, "kept-while-stepping");
    await page.getByTestId("wizard-previous").click();
    await expect(page).toHaveURL(/step=permissions/);
    await expect(page.getByTestId("selected-policies")).toContainText("ReadOnlyAccess");
    await page.getByTestId("wizard-previous").click();
    await expect(page).toHaveURL(/step=trust&entity=service&service=lambda/);
    await clickNextTo(page, "permissions");
    await clickNextTo(page, "review");
    await expect(page.getByLabel("Role name")).toHaveValue("kept-while-stepping");
    await page.getByTestId("wizard-cancel").click();
    await expect(page).toHaveURL(/\/roles$/);
    await openTrustStep(page);
    await expect(page.getByTestId("service-ec2")).toBeChecked();
    await clickNextTo(page, "permissions");
    await expect(page.getByTestId("policies-count")).toHaveText("0 of 10 selected");
  });
});
