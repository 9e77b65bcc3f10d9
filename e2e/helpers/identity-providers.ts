import { expect, type Page } from "@playwright/test";
import { toDemoIdentityProvider, toIdentityProvider, toIdentityProviders } from "@/components/identity-providers/routes";
import { openConsolePage } from "./navigation";

/** Every selector for the identity-provider pages lives here; specs read as user steps. */
export async function goToIdentityProviders(page: Page) {
  await openConsolePage(page, toIdentityProviders());
  await expect(page.getByRole("heading", { name: "Identity providers", level: 1 })).toBeVisible();
}

export async function goToProvider(page: Page, arn: string) {
  await openConsolePage(page, toIdentityProvider(arn));
  await expect(page.getByTestId("provider-arn")).toHaveText(arn);
}

export async function goToTestIdp(page: Page) {
  await openConsolePage(page, toDemoIdentityProvider());
  await expect(page.getByRole("heading", { name: /Test identity provider/, level: 1 })).toBeVisible();
}

/** The console acts in the account this cookie names; a spec that registers the demo provider works in its own. */
export async function useAccount(page: Page, accountId: string) {
  const res = await page.request.put("/api/console/account", { data: { accountId } });
  expect(res.status()).toBe(200);
}

export async function clickRegisterDemo(page: Page, kind: "oidc" | "saml") {
  await page.getByTestId(`register-demo-${kind}`).click();
  await expect(page.getByTestId(`demo-${kind}-link`)).toBeVisible();
}

export async function fillMintToken(page: Page, t: { subject: string; audience: string; claim?: { name: string; value: string } }) {
  await page.getByTestId("mint-subject").fill(t.subject);
  await page.getByTestId("mint-audience").fill(t.audience);
  if (t.claim) {
    await page.getByTestId("add-mint-claim").click();
    await page.getByLabel("Claim 1 name").fill(t.claim.name);
    await page.getByLabel("Claim 1 value").fill(t.claim.value);
  }
}

/** Mints and returns the token shown, with its decoded claims. */
export async function clickMintToken(page: Page) {
  await page.getByTestId("mint-token").click();
  await expect(page.getByTestId("minted-token")).not.toHaveValue("");
  const token = await page.getByTestId("minted-token").inputValue();
  return { token, claims: JSON.parse(await page.getByTestId("minted-claims").inputValue()) as Record<string, unknown> };
}

/** The open dialog (an empty list renders a second, closed one for its own button). */
export const samlDialog = (page: Page) => page.getByRole("dialog", { name: "Add a SAML 2.0 provider" });

export async function fillCreateSamlProvider(page: Page, p: { name: string; metadata: string }) {
  await page.getByTestId("add-saml-provider").click();
  const dialog = samlDialog(page);
  await dialog.getByLabel("Provider name").fill(p.name);
  await dialog.getByTestId("saml-metadata").fill(p.metadata);
}

export async function clickCreateSamlSubmit(page: Page, name: string) {
  await samlDialog(page).getByTestId("confirm-create-saml").click();
  await expect(page).toHaveURL(new RegExp(`/identity-providers/saml/${name}$`));
  await expect(page.getByTestId("provider-title")).toHaveText(name);
}

export async function assertCertificate(page: Page, subject: RegExp) {
  await expect(page.getByTestId("saml-certificate-subject").first()).toHaveText(subject);
  await expect(page.getByTestId("saml-certificate-expiry").first()).toContainText(/\d{4}/);
}

export async function clickDeleteProvider(page: Page) {
  await page.getByTestId("delete-provider").click();
  await expect(page.getByTestId("delete-provider-dialog")).toBeVisible();
}

export async function confirmDeleteProvider(page: Page, label: string) {
  const dialog = page.getByTestId("delete-provider-dialog");
  await expect(dialog.getByTestId("confirm-delete-provider")).toBeDisabled();
  await dialog.getByLabel("Type the provider to confirm").fill(label);
  await dialog.getByTestId("confirm-delete-provider").click();
  await expect(page).toHaveURL(/\/identity-providers$/);
}
