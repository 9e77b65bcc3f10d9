import { test, expect } from "./support/fixtures";
import { E2E } from "./support/env";
import { uniqueName } from "./support/console-api";
import { generateDemoSamlIdentity } from "@/lib/federation/demo-idp";
import { goToRole } from "./helpers/roles";
import {
  assertCertificate,
  clickCreateSamlSubmit,
  clickDeleteProvider,
  clickMintToken,
  clickRegisterDemo,
  confirmDeleteProvider,
  fillCreateSamlProvider,
  fillMintToken,
  goToIdentityProviders,
  goToProvider,
  goToTestIdp,
  samlDialog,
  useAccount,
} from "./helpers/identity-providers";

const PARTNER = "222222222222";
const samlTrust = (arn: string) =>
  JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Federated: arn }, Action: "sts:AssumeRoleWithSAML", Condition: { StringEquals: { "SAML:aud": "https://signin.aws.amazon.com/saml" } } }] });

test.describe("identity providers", () => {
  test("an admin registers the test OIDC provider, mints a token and sees its claims", async ({ page }) => {
    // The partner account, so this spec owns its demo provider: it starts from none.
    await useAccount(page, PARTNER);
    const demoArn = `arn:aws:iam::${PARTNER}:oidc-provider/demo-idp.roleplane.test/${PARTNER}`;
    await page.request.delete(`/api/console/identity-providers/provider?arn=${encodeURIComponent(demoArn)}`);
    await goToTestIdp(page);
    await clickRegisterDemo(page, "oidc");
    await fillMintToken(page, { subject: "repo:acme/app:ref:refs/heads/main", audience: "sts.amazonaws.com", claim: { name: "amr", value: "pwd, mfa" } });
    const { token, claims } = await clickMintToken(page);
    expect(token.split(".")).toHaveLength(3);
    expect(claims).toMatchObject({ iss: `https://demo-idp.roleplane.test/${PARTNER}`, sub: "repo:acme/app:ref:refs/heads/main", aud: "sts.amazonaws.com", amr: ["pwd", "mfa"] });
    await expect(page.getByTestId("minted-cli")).toHaveValue(/sts assume-role-with-web-identity/);

    await fillMintToken(page, { subject: "x", audience: "someone-else" });
    await expect(page.getByText("Not one of the provider's audiences")).toBeVisible();

    await page.getByTestId("demo-oidc-link").click();
    await expect(page.getByTestId("provider-title")).toHaveText(`https://demo-idp.roleplane.test/${PARTNER}`);
    await expect(page.getByTestId("signing-key-row")).toHaveCount(1);
    await expect(page.getByTestId("audience-row")).toHaveText(["sts.amazonaws.com"]);
    await page.request.delete(`/api/console/identity-providers/provider?arn=${encodeURIComponent(demoArn)}`);
  });

  test("an admin mints a SAML assertion offering a role that trusts the test SAML provider", async ({ page, api, providers }) => {
    const samlArn = await providers.ensureDemo("saml");
    const role = await api.createRole({ trust: samlTrust(samlArn) });
    await goToTestIdp(page);
    await page.getByTestId("assert-role").selectOption(role.arn);
    await page.getByTestId("assert-session-name").fill("ada");
    await page.getByTestId("mint-assertion").click();
    await expect(page.getByTestId("minted-assertion")).not.toHaveValue("");
    const xml = Buffer.from(await page.getByTestId("minted-assertion").inputValue(), "base64").toString("utf8");
    expect(xml).toContain(`${role.arn},${samlArn}`);
    await expect(page.getByTestId("minted-saml-cli")).toHaveValue(new RegExp(`--principal-arn '${samlArn}'`));
  });

  test("an admin adds a SAML provider from its metadata and sees its signing certificate", async ({ page, providers }) => {
    const name = uniqueName("Corp");
    providers.track(`arn:aws:iam::111111111111:saml-provider/${name}`);
    await goToIdentityProviders(page);
    await fillCreateSamlProvider(page, { name, metadata: generateDemoSamlIdentity(`https://${name}.example.com/saml`).metadataXml });
    await clickCreateSamlSubmit(page, name);
    await expect(page.getByTestId("saml-entity-id")).toHaveText(`https://${name}.example.com/saml`);
    await assertCertificate(page, /CN=Roleplane demo SAML IdP/);
  });

  test("metadata that is not SAML is refused in the API's words, and nothing is added", async ({ page, providers }) => {
    const name = uniqueName("Bad");
    await goToIdentityProviders(page);
    await fillCreateSamlProvider(page, { name, metadata: `<html>${"x".repeat(1100)}</html>` });
    await samlDialog(page).getByTestId("confirm-create-saml").click();
    await expect(samlDialog(page)).toContainText("Could not parse metadata: its root element is not a SAML 2.0 metadata EntityDescriptor.");
    expect(await providers.exists(`arn:aws:iam::111111111111:saml-provider/${name}`)).toBe(false);
  });

  test("deleting a provider that roles trust warns and lists them", async ({ page, api, providers }) => {
    const name = uniqueName("Trusted");
    const arn = await providers.createSaml(name, generateDemoSamlIdentity(`https://${name}.example.com/saml`).metadataXml);
    const role = await api.createRole({ trust: samlTrust(arn) });
    await goToProvider(page, arn);
    await expect(page.getByTestId("trusting-roles")).toContainText(role.name);
    await clickDeleteProvider(page);
    await expect(page.getByTestId("delete-provider-roles")).toContainText(`1 role trusts this provider`);
    await expect(page.getByTestId("delete-provider-roles")).toContainText(role.name);
    await confirmDeleteProvider(page, name);
    expect(await providers.exists(arn)).toBe(false);
    await goToRole(page, role.name);
  });

  test("the list filters by type and name, and the filter lives in the URL", async ({ page, providers }) => {
    const name = uniqueName("Filter");
    await providers.createSaml(name, generateDemoSamlIdentity(`https://${name}.example.com/saml`).metadataXml);
    await providers.ensureDemo("oidc");
    await goToIdentityProviders(page);
    await page.getByTestId("providers-type").selectOption("SAML");
    await expect(page).toHaveURL(/type=SAML/);
    await page.getByTestId("providers-search").fill(name);
    await expect(page.getByTestId("provider-row")).toHaveCount(1);
    await page.reload();
    await expect(page.getByTestId("provider-link")).toHaveText([name]);
  });
});

test.describe("identity providers for a viewer", () => {
  test.use({ storageState: E2E.storage.viewer });

  test("sees providers, but every change is disabled and minting is for admins", async ({ page, providers }) => {
    const arn = await providers.ensureDemo("oidc");
    await goToIdentityProviders(page);
    await expect(page.getByTestId("add-oidc-provider")).toBeDisabled();
    await expect(page.getByTestId("add-saml-provider")).toBeDisabled();
    await goToProvider(page, arn);
    await expect(page.getByTestId("delete-provider")).toBeDisabled();
    await expect(page.getByTestId("audience-input")).toHaveCount(0);
    await goToTestIdp(page);
    await expect(page.getByTestId("demo-oidc-admins-only")).toBeVisible();
    const mint = await page.request.post("/api/console/identity-providers/demo/oidc/token", { data: { subject: "s", audience: "sts.amazonaws.com" } });
    expect(mint.status()).toBe(403);
  });
});
